//! Status words of ledgers (已销号, 正在推进, 长期坚持…) and what they mean.

use crate::model::Status;

/// The status words, exactly as ledgers write them (the table is in docs/ledgers.md).
pub const WORDS: [(Status, &[&str]); 3] = [
    (
        Status::Closed,
        &[
            "已完成",
            "完成",
            "已整改",
            "已整改到位",
            "已销号",
            "是",
            "已完成整改",
            "整改完成",
            "销号",
        ],
    ),
    (
        Status::Open,
        &[
            "正在整改",
            "整改中",
            "正在推进",
            "推进中",
            "基本完成",
            "未完成",
            "未启动",
            "否",
            "未销号",
            "正在推进整改",
            "持续推进",
        ],
    ),
    (
        Status::LongTerm,
        &["长期坚持", "持续整改", "长期", "需长期坚持", "长期整改"],
    ),
];

/// What a status cell means; `None` for a word not in the table.
pub fn status(text: &str) -> Option<Status> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '。' | '；' | ';' | '√' | '✔'))
        .collect();
    WORDS
        .iter()
        .find(|(_, words)| words.contains(&t.as_str()))
        .map(|(s, _)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_means_its_status() {
        assert_eq!(status("已销号"), Some(Status::Closed));
        assert_eq!(status(" 是 "), Some(Status::Closed));
        assert_eq!(status("基本完成"), Some(Status::Open));
        assert_eq!(status("未启动"), Some(Status::Open));
        assert_eq!(status("持续整改"), Some(Status::LongTerm));
        assert_eq!(status("差不多"), None);
    }
}
