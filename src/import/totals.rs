//! What a report states about itself in words: problem counts and the
//! completion rate (已完成整改19个、正在整改6个，整改完成率76%).

use super::headings::status_of;
use crate::model::Status;
use crate::numerals::chinese_number;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Closed,
    Open,
    LongTerm,
    Total,
    Rate,
}

impl Which {
    pub fn name(self) -> &'static str {
        match self {
            Self::Closed => "closed",
            Self::Open => "open",
            Self::LongTerm => "long-term",
            Self::Total => "total",
            Self::Rate => "completion rate",
        }
    }
}

pub struct StatedFound {
    pub which: Which,
    pub value: rust_decimal::Decimal,
    pub quote: String,
}

/// Counts stated in words: 共计2个问题正在整改过程中; 已完成整改19个、正在整改6个; 整改完成率76%.
pub fn stated_counts(text: &str, norm: &str) -> Vec<StatedFound> {
    let orig: Vec<char> = text.chars().collect();
    let chars: Vec<char> = norm.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut saw_problem = false;
    for end in 0..=chars.len() {
        let at_end = end == chars.len();
        if !at_end && !matches!(chars[end], '，' | '。' | '；' | '、') {
            continue;
        }
        let clause: String = chars[start..end].iter().collect();
        let quote: String = orig[start..end].iter().collect();
        start = end + 1;
        if clause.contains("问题") {
            saw_problem = true;
        }
        if let Some(rate) = clause.find("完成率").or_else(|| clause.find("整改率")) {
            let after = &clause[rate..];
            let digits: String = after
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            if let Ok(v) = digits.parse::<rust_decimal::Decimal>()
                && after.contains('%')
            {
                out.push(StatedFound {
                    which: Which::Rate,
                    value: v,
                    quote: quote.clone(),
                });
            }
            continue;
        }
        let Some(value) = count_in_clause(&clause) else {
            continue;
        };
        if !(clause.contains("问题") || saw_problem) {
            continue;
        }
        let which = match status_of(&clause) {
            Some(Status::Closed) => Which::Closed,
            Some(Status::Open) => Which::Open,
            Some(Status::LongTerm) => Which::LongTerm,
            None if ["反馈", "指出", "发现", "共性", "个性", "共"]
                .iter()
                .any(|w| clause.contains(w)) =>
            {
                Which::Total
            }
            None if clause.contains("完成整改") || clause.contains("整改完成") => {
                Which::Closed
            }
            None => continue,
        };
        out.push(StatedFound {
            which,
            value: rust_decimal::Decimal::from(value),
            quote,
        });
    }
    out
}

/// The problem count in a clause: the number before 个问题, else before 个/项/条.
fn count_in_clause(clause: &str) -> Option<u32> {
    let chars: Vec<char> = clause.chars().collect();
    let mut best: Option<(u32, bool)> = None;
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        let value = if chars[i].is_ascii_digit() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            chars[start..i]
                .iter()
                .collect::<String>()
                .parse::<u32>()
                .ok()
        } else if "一二两三四五六七八九十百".contains(chars[i]) {
            while i < chars.len() && "一二两三四五六七八九十百".contains(chars[i]) {
                i += 1;
            }
            chinese_number(&chars[start..i].iter().collect::<String>())
        } else {
            i += 1;
            continue;
        };
        let Some(v) = value else { continue };
        if matches!(chars.get(i), Some('个' | '项' | '条'))
            && chars.get(i + 1) != Some(&'月')
            && chars.get(i + 1) != Some(&'方')
        {
            let problem = chars.get(i + 1) == Some(&'问');
            if best.is_none_or(|(_, p)| problem && !p) {
                best = Some((v, problem));
            }
        }
    }
    best.map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stated_counts_and_rates() {
        let s = "对巡察反馈的3个方面25个问题，已完成整改19个、正在整改6个，整改完成率76%。";
        let found = stated_counts(s, s);
        let got: Vec<(Which, String)> = found
            .iter()
            .map(|f| (f.which, f.value.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                (Which::Total, "25".to_string()),
                (Which::Closed, "19".to_string()),
                (Which::Open, "6".to_string()),
                (Which::Rate, "76".to_string()),
            ]
        );
        let s = "截至目前，共计2个问题正在整改过程中，仍需深化整改。";
        let found = stated_counts(s, s);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].which, Which::Open);
        assert_eq!(found[0].quote, "共计2个问题正在整改过程中");
    }
}
