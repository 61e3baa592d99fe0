//! The details around a report: contact (phones, e-mail, postal address),
//! the inspecting team and period, and the report's id.

use chrono::NaiveDate;

/// Phones, e-mail addresses and the postal address of a contact paragraph.
pub fn parse_contact(text: &str, norm: &str) -> (Vec<String>, Vec<String>, Option<String>) {
    let chars: Vec<char> = norm.chars().collect();
    let orig: Vec<char> = text.chars().collect();
    let mut phones = Vec::new();
    let mut emails = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '@' {
            let mut s = i;
            while s > 0 && (chars[s - 1].is_ascii_alphanumeric() || "._%+-".contains(chars[s - 1]))
            {
                s -= 1;
            }
            let mut e = i + 1;
            while e < chars.len() && (chars[e].is_ascii_alphanumeric() || ".-".contains(chars[e])) {
                e += 1;
            }
            let email: String = chars[s..e]
                .iter()
                .collect::<String>()
                .trim_end_matches('.')
                .to_string();
            if s < i && email.contains('.') {
                emails.push(email);
            }
            i = e;
            continue;
        }
        if chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || "._@".contains(chars[i - 1])))
        {
            let mut e = i;
            while e < chars.len() && (chars[e].is_ascii_digit() || chars[e] == '-') {
                e += 1;
            }
            let digits = chars[i..e].iter().filter(|c| c.is_ascii_digit()).count();
            let next_is_mail = chars
                .get(e)
                .is_some_and(|c| *c == '@' || c.is_ascii_alphabetic());
            if (7..=13).contains(&digits) && !next_is_mail {
                phones.push(orig[i..e].iter().collect());
            }
            i = e;
            continue;
        }
        i += 1;
    }
    let mut address = None;
    for key in ["邮政信箱", "通信地址", "通讯地址", "邮寄地址", "来信地址"] {
        if let Some(b) = norm.find(key) {
            let start = norm[..b].chars().count() + key.chars().count();
            let rest: String = orig[start..].iter().collect();
            let rest = rest.trim_start_matches(['：', ':', ' ']);
            let a: String = rest
                .chars()
                .take_while(|c| !matches!(c, '；' | '。' | ';'))
                .collect();
            let a = a.split("，邮编").next().unwrap_or_default();
            if !a.trim().is_empty() {
                address = Some(a.trim().to_string());
                break;
            }
        }
    }
    (phones, emails, address)
}

/// "区委第二巡察组" in an introduction, as printed; not a count of teams
/// (区委组建4个巡察组).
pub fn find_team(text: &str, norm: &str) -> Option<String> {
    let orig: Vec<char> = text.chars().collect();
    let chars: Vec<char> = norm.chars().collect();
    if orig.len() != chars.len() {
        return None;
    }
    for key in ["巡察组", "巡视组"] {
        let Some(b) = norm.find(key) else {
            continue;
        };
        let end = norm[..b].chars().count();
        let mut s = end;
        while s > 0 && end - s < 12 && !"，。、；：对由经根据和向与的".contains(chars[s - 1])
        {
            s -= 1;
        }
        let counted =
            chars[s..end].iter().any(|c| c.is_ascii_digit()) && chars[s..end].contains(&'个');
        if counted {
            return None;
        }
        let team: String = orig[s..end + key.chars().count()].iter().collect();
        return Some(team);
    }
    None
}

/// "2021年4月至6月" in an introduction.
pub fn find_period(text: &str, norm: &str) -> Option<String> {
    let chars: Vec<char> = norm.chars().collect();
    let orig: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i + 5 < chars.len() {
        let is_year = chars[i..i + 4].iter().all(char::is_ascii_digit)
            && chars[i + 4] == '年'
            && (i == 0 || !chars[i - 1].is_ascii_digit());
        if is_year {
            let mut e = i;
            while e < chars.len() && (chars[e].is_ascii_digit() || "年月日至到-".contains(chars[e]))
            {
                e += 1;
            }
            let span: String = chars[i..e].iter().collect();
            if (span.contains('至') || span.contains('到') || span.contains('-'))
                && span.contains('月')
            {
                let span = orig[i..e].iter().collect::<String>();
                return Some(span.trim_end_matches(['至', '到', '-', '—']).to_string());
            }
            i = e.max(i + 1);
            continue;
        }
        i += 1;
    }
    None
}

/// A stable ASCII id from the issuer and the date: a short FNV-1a hash of the issuer.
pub fn report_id(issuer: &str, date: NaiveDate) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in issuer.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("r{:08x}-{}", h >> 32, date.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_contact_lines() {
        let s = "联系方式：电话0510-85080016；邮政信箱：无锡市滨湖区青山路79号市人民防空办公室机关党委；电子邮箱：1776755323@qq.com。";
        let (phones, emails, address) = parse_contact(s, s);
        assert_eq!(phones, ["0510-85080016"]);
        assert_eq!(emails, ["1776755323@qq.com"]);
        assert_eq!(
            address.as_deref(),
            Some("无锡市滨湖区青山路79号市人民防空办公室机关党委")
        );
    }

    #[test]
    fn report_ids_are_ascii_and_stable() {
        let d = NaiveDate::from_ymd_opt(2021, 12, 30).unwrap();
        let a = report_id("中共无锡经济开发区工作委员会", d);
        assert!(a.is_ascii());
        assert_eq!(a, report_id("中共无锡经济开发区工作委员会", d));
        assert_ne!(a, report_id("中共无锡市人民防空办公室党组", d));
        assert!(a.ends_with("-2021-12-30"));
    }

    #[test]
    fn finds_team_and_period() {
        let s = "根据区委统一部署，2021年4月至6月，区委第二巡察组对某街道党工委进行了巡察。";
        assert_eq!(find_team(s, s).as_deref(), Some("区委第二巡察组"));
        assert_eq!(find_team("区委组建4个巡察组", "区委组建4个巡察组"), None);
        assert_eq!(find_period(s, s).as_deref(), Some("2021年4月至6月"));
    }
}
