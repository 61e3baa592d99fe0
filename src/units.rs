//! Units as written in reports, what they measure, and how to normalise them.

use std::fmt;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A currency; amounts in different currencies are never added together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Currency {
    /// Renminbi, normalised to yuan.
    #[serde(rename = "CNY")]
    Cny,
    /// US dollars, normalised to dollars.
    #[serde(rename = "USD")]
    Usd,
}

impl Currency {
    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Cny => "CNY",
            Self::Usd => "USD",
        }
    }
}

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Money in a currency; normalised to yuan or dollars.
    Money(Currency),
    /// Area; normalised to square metres.
    Area,
    /// A count of things; normalised to the plain count.
    Count,
    /// A percentage.
    Percent,
    /// Percentage points (个百分点).
    PercentagePoint,
    /// Money per person (万元/人); normalised to yuan per person.
    MoneyPerPerson(Currency),
}

/// A unit as written in a report ("万元", "亩", "家").
///
/// A known unit is its place in the table, so that a figure's unit costs no
/// allocation and its factor no string comparison. Unknown units deserialise
/// too, so that validation can report every one of them at once with its
/// place in the file, instead of stopping at the first.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Unit(Repr);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// An index into `UNITS`.
    Known(u8),
    /// A unit the format does not know, as written.
    Other(Box<str>),
}

/// Square metres in one 亩: 10000/15.
pub fn square_metres_per_mu() -> Decimal {
    Decimal::from(10_000) / Decimal::from(15)
}

/// The units the format knows: the unit, what it measures, its factor to the base unit.
const UNITS: &[(&str, Dimension, i64)] = &[
    ("元", Dimension::Money(Currency::Cny), 1),
    ("万元", Dimension::Money(Currency::Cny), 10_000),
    ("亿元", Dimension::Money(Currency::Cny), 100_000_000),
    ("美元", Dimension::Money(Currency::Usd), 1),
    ("万美元", Dimension::Money(Currency::Usd), 10_000),
    ("亿美元", Dimension::Money(Currency::Usd), 100_000_000),
    // The factor of 亩 is not an integer; `Unit::factor` handles it.
    ("亩", Dimension::Area, 0),
    ("万亩", Dimension::Area, 0),
    ("平方米", Dimension::Area, 1),
    ("万平方米", Dimension::Area, 10_000),
    ("公顷", Dimension::Area, 10_000),
    ("%", Dimension::Percent, 1),
    ("个百分点", Dimension::PercentagePoint, 1),
    ("万元/人", Dimension::MoneyPerPerson(Currency::Cny), 10_000),
    ("元/人", Dimension::MoneyPerPerson(Currency::Cny), 1),
    ("个", Dimension::Count, 1),
    ("家", Dimension::Count, 1),
    ("名", Dimension::Count, 1),
    ("人", Dimension::Count, 1),
    ("人次", Dimension::Count, 1),
    ("项", Dimension::Count, 1),
    ("次", Dimension::Count, 1),
    ("条", Dimension::Count, 1),
    ("件", Dimension::Count, 1),
    ("篇", Dimension::Count, 1),
    ("处", Dimension::Count, 1),
    ("天", Dimension::Count, 1),
    ("类", Dimension::Count, 1),
    ("大类", Dimension::Count, 1),
    ("批", Dimension::Count, 1),
    ("户", Dimension::Count, 1),
    ("宗", Dimension::Count, 1),
    ("块", Dimension::Count, 1),
    ("期", Dimension::Count, 1),
    ("场", Dimension::Count, 1),
    ("所", Dimension::Count, 1),
    ("台", Dimension::Count, 1),
    ("份", Dimension::Count, 1),
    ("起", Dimension::Count, 1),
    ("轮", Dimension::Count, 1),
    ("万人次", Dimension::Count, 10_000),
];

impl Unit {
    /// A unit from its written form.
    pub fn new(s: &str) -> Self {
        match UNITS.iter().position(|(u, _, _)| *u == s) {
            // The table has fewer than 256 rows (checked by a test).
            Some(i) => Self(Repr::Known(i as u8)),
            None => Self(Repr::Other(s.into())),
        }
    }

    /// The unit's row in the table, when the format knows it.
    fn row(&self) -> Option<&'static (&'static str, Dimension, i64)> {
        match &self.0 {
            Repr::Known(i) => UNITS.get(usize::from(*i)),
            Repr::Other(_) => None,
        }
    }

    /// The unit as written.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Known(_) => self.row().map_or("", |(u, _, _)| u),
            Repr::Other(s) => s,
        }
    }

    /// What the unit measures, or `None` when the format does not know it.
    pub fn dimension(&self) -> Option<Dimension> {
        self.row().map(|(_, d, _)| *d)
    }

    /// True when the format knows this unit.
    pub fn is_known(&self) -> bool {
        self.dimension().is_some()
    }

    /// The factor from this unit to its base unit (yuan, dollar, m², count, percent).
    pub fn factor(&self) -> Option<Decimal> {
        match self.row()? {
            ("亩", _, _) => Some(square_metres_per_mu()),
            ("万亩", _, _) => Some(square_metres_per_mu() * Decimal::from(10_000)),
            (_, _, f) => Some(Decimal::from(*f)),
        }
    }

    /// The value in the base unit, rounded to two decimals (yuan, dollars, m², count).
    pub fn normalize(&self, value: Decimal) -> Option<Decimal> {
        let factor = self.factor()?;
        value.checked_mul(factor).map(|v| v.round_dp(2).normalize())
    }

    /// The currency, for money units.
    pub fn currency(&self) -> Option<Currency> {
        match self.dimension()? {
            Dimension::Money(c) => Some(c),
            _ => None,
        }
    }

    /// Every unit the format knows, in table order.
    pub fn known() -> impl Iterator<Item = &'static str> {
        UNITS.iter().map(|(u, _, _)| *u)
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(UnitVisitor)
    }
}

/// Reads a unit from a string without copying it first: a known unit
/// allocates nothing.
struct UnitVisitor;

impl serde::de::Visitor<'_> for UnitVisitor {
    type Value = Unit;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a unit as written, such as \"万元\"")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Unit, E> {
        Ok(Unit::new(text))
    }
}

impl JsonSchema for Unit {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Unit".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let known: Vec<&str> = Unit::known().collect();
        schemars::json_schema!({
            "description": "A unit as written in the report.",
            "type": "string",
            "enum": known,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn normalises_every_money_and_area_unit() {
        let table = [
            ("元", "597.9", "597.9"),
            ("万元", "2948", "29480000"),
            ("万元", "459.66", "4596600"),
            ("亿元", "4.18", "418000000"),
            ("美元", "12", "12"),
            ("万美元", "7005", "70050000"),
            ("亿美元", "6.47", "647000000"),
            ("亩", "849.56", "566373.33"),
            ("亩", "15", "10000"),
            ("平方米", "300", "300"),
            ("万平方米", "110", "1100000"),
            ("万平方米", "23.7", "237000"),
            ("公顷", "1.5", "15000"),
            ("家", "101", "101"),
        ];
        for (unit, value, expected) in table {
            assert_eq!(
                Unit::new(unit).normalize(d(value)),
                Some(d(expected)),
                "{value}{unit}"
            );
        }
    }

    #[test]
    fn money_units_carry_their_currency() {
        for unit in ["元", "万元", "亿元"] {
            assert_eq!(Unit::new(unit).currency(), Some(Currency::Cny), "{unit}");
        }
        for unit in ["美元", "万美元", "亿美元"] {
            assert_eq!(Unit::new(unit).currency(), Some(Currency::Usd), "{unit}");
        }
        assert_eq!(Unit::new("亩").currency(), None);
        assert_eq!(Unit::new("万元/人").currency(), None);
    }

    #[test]
    fn every_unit_fits_its_index_and_reads_back_as_written() {
        assert!(UNITS.len() <= usize::from(u8::MAX));
        for unit in Unit::known() {
            let parsed: Unit = serde_json::from_str(&format!("\"{unit}\"")).unwrap();
            assert_eq!(parsed, Unit::new(unit));
            assert_eq!(parsed.as_str(), unit);
            assert_eq!(
                serde_json::to_string(&parsed).unwrap(),
                format!("\"{unit}\"")
            );
        }
        let other: Unit = serde_json::from_str("\"英\\u4EA9\"").unwrap();
        assert_eq!(other.as_str(), "英亩");
        assert!(!other.is_known());
    }

    #[test]
    fn unknown_units_are_reported_as_unknown() {
        assert!(!Unit::new("英亩").is_known());
        assert!(!Unit::new("").is_known());
        assert_eq!(Unit::new("斤").normalize(d("1")), None);
    }
}
