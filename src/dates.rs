//! Days in the data format: written exactly YYYY-MM-DD, in years a report can
//! be about. chrono alone reads "2021-1-1", "21-12-30" and "0000-01-01" too.

use chrono::NaiveDate;
use serde::de::{self, Deserialize, Deserializer, Unexpected};

/// The first and last years a report, a signature or a deadline can fall in.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// What a day must look like, for messages.
const EXPECTED: &str = "a date YYYY-MM-DD";

/// The day written `text`, if it is written exactly YYYY-MM-DD (four, two and
/// two digits, nothing around them), exists, and falls in 1900–2199.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return None;
    }
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    YEARS.contains(&chrono::Datelike::year(&day)).then_some(day)
}

/// Deserialises a day written exactly YYYY-MM-DD.
pub fn strict<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    parse(&text).ok_or_else(|| de::Error::invalid_value(Unexpected::Str(&text), &EXPECTED))
}

/// Deserialises an optional day written exactly YYYY-MM-DD.
pub fn strict_option<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    // `null` is no date, as the schema says; a string must be a whole day.
    let Some(text) = <Option<std::borrow::Cow<'de, str>>>::deserialize(deserializer)? else {
        return Ok(None);
    };
    parse(&text)
        .map(Some)
        .ok_or_else(|| de::Error::invalid_value(Unexpected::Str(&text), &EXPECTED))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Signed {
        #[serde(default, deserialize_with = "strict_option")]
        signed: Option<NaiveDate>,
    }

    #[test]
    fn an_optional_day_may_be_null_or_absent_but_not_loose() {
        let read = |json: &str| serde_json::from_str::<Signed>(json).map(|s| s.signed);
        assert_eq!(read(r#"{"signed": null}"#).unwrap(), None);
        assert_eq!(read("{}").unwrap(), None);
        assert_eq!(
            read(r#"{"signed": "2021-12-30"}"#).unwrap(),
            NaiveDate::from_ymd_opt(2021, 12, 30)
        );
        assert!(read(r#"{"signed": "2021-1-1"}"#).is_err());
    }

    #[test]
    fn only_whole_existing_days_in_plausible_years_are_read() {
        let day = NaiveDate::from_ymd_opt(2021, 12, 30);
        assert_eq!(parse("2021-12-30"), day);
        assert_eq!(parse("1900-01-01"), NaiveDate::from_ymd_opt(1900, 1, 1));
        assert_eq!(parse("2199-12-31"), NaiveDate::from_ymd_opt(2199, 12, 31));
        for bad in [
            "21-12-30",
            "2021-1-1",
            "2021-01-1",
            "0000-01-01",
            "1899-12-31",
            "2200-01-01",
            "2021-12-30 ",
            " 2021-12-30",
            "2021/12/30",
            "2021-02-30",
            "２０２１-12-30",
            "+2021-12-30",
            "",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }
}
