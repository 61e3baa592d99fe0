//! Reading a ledger's deadline cells and dates: Excel serial dates in any
//! number format, 2023.3.31, 2023/9/30, 2023年6月底前, 立行立改, 长期坚持.

use chrono::NaiveDate;

use crate::deadline::parse_deadline;
use crate::model::Deadline;

/// The day an Excel serial number means (1900 date system), for the years
/// a ledger can speak of.
pub fn serial_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch.checked_add_days(chrono::Days::new(serial.floor() as u64))
}

/// A plain date written out: 2023.3.31, 2023/9/30, 2023-09-30, 2023年7月5日,
/// 20230705; with 前, 以前 or 之前 after it.
pub fn plain_date(text: &str) -> Option<NaiveDate> {
    let t = text
        .trim()
        .trim_end_matches("之前")
        .trim_end_matches("以前")
        .trim_end_matches('前')
        .trim_end_matches(['日', '号']);
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(t, "%Y%m%d").ok();
    }
    let parts: Vec<&str> = t
        .split(['.', '/', '-', '年', '月', '．'])
        .map(str::trim)
        .collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && [y, m, d].iter().all(|p| is_number(p)) => {
            NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        _ => None,
    }
}

fn is_number(t: &str) -> bool {
    !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// The first date in a text such as "填报日期：2023年7月5日" or "（截至2023年9月30日）".
pub fn date_in(text: &str) -> Option<NaiveDate> {
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        if !chars[start].is_ascii_digit() || (start > 0 && chars[start - 1].is_ascii_digit()) {
            continue;
        }
        let end = (start..chars.len())
            .find(|&i| !(chars[i].is_ascii_digit() || "年月日号./-．".contains(chars[i])))
            .unwrap_or(chars.len());
        let candidate: String = chars[start..end].iter().collect();
        if let Some(date) = plain_date(&candidate) {
            return Some(date);
        }
    }
    None
}

/// The day 立行立改 ("immediately") falls on, and how it was found.
#[derive(Debug, Clone)]
pub struct Immediately {
    /// The day.
    pub date: NaiveDate,
    /// What the day is ("按台账填报日期").
    pub from: String,
}

/// What a deadline cell means; `Err` with the text when it reads as a date
/// that is none ('2023年13月').
pub fn deadline(
    text: &str,
    serial: Option<f64>,
    reference: NaiveDate,
    immediately: &Immediately,
) -> Result<Option<Deadline>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let mut deadline = Deadline {
        text: text.to_owned(),
        quote: text.to_owned(),
        ..Deadline::default()
    };
    if let Some(serial) = serial {
        deadline.date = serial_date(serial);
        if let Some(date) = deadline.date {
            deadline.text = date.to_string();
        }
        return Ok(Some(deadline));
    }
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(date) = parse_deadline(&compact, reference) {
        // The text names the day; validation reads it the same way.
        deadline.date = Some(date);
        return Ok(Some(deadline));
    }
    if let Some(date) = plain_date(&compact) {
        deadline.date = Some(date);
        return Ok(Some(deadline));
    }
    if compact.contains("立行立改") {
        deadline.date = Some(immediately.date);
        deadline.date_from = Some(format!("立行立改：{}", immediately.from));
        return Ok(Some(deadline));
    }
    if compact.contains("长期") || compact.contains("持续") {
        deadline.long_term = true;
        return Ok(Some(deadline));
    }
    if looks_like_a_date(&compact) {
        return Err(text.to_owned());
    }
    Ok(Some(deadline))
}

/// Digits with 年, 月, '.', '/' or '-': meant as a date.
fn looks_like_a_date(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars().any(|c| "年月./-".contains(c))
        && t.chars().filter(char::is_ascii_digit).count() >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn now() -> Immediately {
        Immediately {
            date: day("2023-07-05"),
            from: "按台账填报日期".into(),
        }
    }

    fn date_of(text: &str) -> Option<NaiveDate> {
        deadline(text, None, day("2023-07-05"), &now())
            .ok()
            .flatten()
            .and_then(|d| d.date)
    }

    #[test]
    fn every_deadline_form_gives_its_day() {
        let table = [
            ("2023.3.31", Some("2023-03-31")),
            ("2023/9/30", Some("2023-09-30")),
            ("2023-09-30", Some("2023-09-30")),
            ("2023年6月底前", Some("2023-06-30")),
            ("2023年8月31日前", Some("2023-08-31")),
            ("2023年底", Some("2023-12-31")),
            ("立行立改", Some("2023-07-05")),
            ("长期坚持", None),
            ("按上级要求", None),
        ];
        for (text, want) in table {
            assert_eq!(date_of(text), want.map(day), "{text}");
        }
    }

    #[test]
    fn a_month_that_does_not_exist_is_refused() {
        assert!(deadline("2023年13月", None, day("2023-07-05"), &now()).is_err());
    }

    #[test]
    fn serials_are_excel_days() {
        assert_eq!(serial_date(45016.0), Some(day("2023-03-31")));
        assert_eq!(serial_date(-1.0), None);
    }

    #[test]
    fn dates_are_found_inside_footers() {
        assert_eq!(date_in("填报日期：2023年7月5日"), Some(day("2023-07-05")));
        assert_eq!(date_in("（截至2023年9月30日）"), Some(day("2023-09-30")));
        assert_eq!(date_in("联系电话：12345"), None);
    }
}
