//! Display formatting: money in 元 / 万元 / 亿元, land in 亩 / m², thousands
//! separators, and padding and truncation by display width for CJK text.

use std::borrow::Cow;

use rust_decimal::Decimal;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::i18n::Lang;
use crate::stats::m2_to_mu;
use crate::units::Currency;

/// The scale money is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MoneyScale {
    /// 元 / 美元.
    Yuan,
    /// 万元 / 万美元, the scale reports mostly write in.
    #[default]
    Wan,
    /// 亿元 / 亿美元.
    Yi,
}

impl MoneyScale {
    /// The next scale: 元 → 万元 → 亿元 → 元.
    pub fn next(self) -> Self {
        match self {
            Self::Yuan => Self::Wan,
            Self::Wan => Self::Yi,
            Self::Yi => Self::Yuan,
        }
    }

    /// What an amount is divided by: 万 and 亿 in Chinese, the million and
    /// billion an English reader counts in.
    fn divisor(self, lang: Lang) -> Decimal {
        match (self, lang) {
            (Self::Yuan, _) => Decimal::ONE,
            (Self::Wan, Lang::Zh) => Decimal::from(10_000),
            (Self::Yi, Lang::Zh) => Decimal::from(100_000_000),
            (Self::Wan, Lang::En) => Decimal::from(1_000_000),
            (Self::Yi, Lang::En) => Decimal::from(1_000_000_000),
        }
    }

    /// The scale's name in a title: "万元", "million yuan".
    pub fn name(self, currency: Currency, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.unit(currency, lang),
            Lang::En => match (self, currency) {
                (Self::Yuan, Currency::Cny) => "yuan",
                (Self::Wan, Currency::Cny) => "million yuan",
                (Self::Yi, Currency::Cny) => "billion yuan",
                (Self::Yuan, Currency::Usd) => "USD",
                (Self::Wan, Currency::Usd) => "million USD",
                (Self::Yi, Currency::Usd) => "billion USD",
            },
        }
    }

    /// The unit written after an amount in this scale.
    pub fn unit(self, currency: Currency, lang: Lang) -> &'static str {
        match (self, currency, lang) {
            (Self::Yuan, Currency::Cny, Lang::Zh) => "元",
            (Self::Wan, Currency::Cny, Lang::Zh) => "万元",
            (Self::Yi, Currency::Cny, Lang::Zh) => "亿元",
            (Self::Yuan, Currency::Usd, Lang::Zh) => "美元",
            (Self::Wan, Currency::Usd, Lang::Zh) => "万美元",
            (Self::Yi, Currency::Usd, Lang::Zh) => "亿美元",
            (Self::Yuan, Currency::Cny, Lang::En) => " yuan",
            (Self::Wan, Currency::Cny, Lang::En) => "m yuan",
            (Self::Yi, Currency::Cny, Lang::En) => "bn yuan",
            (Self::Yuan, Currency::Usd, Lang::En) => " USD",
            (Self::Wan, Currency::Usd, Lang::En) => "m USD",
            (Self::Yi, Currency::Usd, Lang::En) => "bn USD",
        }
    }
}

/// The unit land is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AreaUnit {
    /// 亩, as reports write land.
    #[default]
    Mu,
    /// Square metres.
    SquareMetre,
}

impl AreaUnit {
    /// The other unit.
    pub fn toggle(self) -> Self {
        match self {
            Self::Mu => Self::SquareMetre,
            Self::SquareMetre => Self::Mu,
        }
    }

    /// The unit's name in a title: "亩", "mu", "m²".
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Mu, Lang::Zh) => "亩",
            (Self::Mu, Lang::En) => "mu",
            (Self::SquareMetre, _) => "m²",
        }
    }
}

/// A decimal with thousands separators and at most `dp` decimals, trailing zeros dropped.
pub fn grouped(value: Decimal, dp: u32) -> String {
    let text = value.round_dp(dp).normalize().to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// An amount in yuan or dollars, shown in a scale and a language:
/// `money(29480000, Cny, Wan, Zh)` → "2,948万元", in English "29.48m yuan".
///
/// Two decimals, unless rounding to them would leave an amount under 10 with
/// digits lost: then the exact value, so that 459.66万元 in 亿元 reads
/// "0.045966亿元", never "0.05亿元", and 3.518万元 is not "3.52万元". English
/// millions keep a third decimal, which is where a 万 falls (35.459m yuan).
pub fn money(amount: Decimal, currency: Currency, scale: MoneyScale, lang: Lang) -> String {
    let scaled = amount / scale.divisor(lang);
    let most = if lang == Lang::En && scale == MoneyScale::Wan {
        3
    } else {
        2
    };
    let dp = if scaled.abs() < Decimal::TEN && scaled.round_dp(most) != scaled {
        scaled.normalize().scale()
    } else {
        most
    };
    format!("{}{}", grouped(scaled, dp), scale.unit(currency, lang))
}

/// An amount in the scale reports would write it in: 亿 from 1亿, 万 from 1万
/// (in English: billions from a billion, millions from a million).
pub fn money_auto(amount: Decimal, currency: Currency, lang: Lang) -> String {
    let abs = amount.abs();
    let scale = if abs >= MoneyScale::Yi.divisor(lang) {
        MoneyScale::Yi
    } else if abs >= MoneyScale::Wan.divisor(lang) {
        MoneyScale::Wan
    } else {
        MoneyScale::Yuan
    };
    money(amount, currency, scale, lang)
}

/// An area in square metres, shown in 亩 (mu in English) or m².
pub fn area(m2: Decimal, unit: AreaUnit, lang: Lang) -> String {
    match (unit, lang) {
        (AreaUnit::Mu, Lang::Zh) => format!("{}亩", grouped(m2_to_mu(m2), 2)),
        (AreaUnit::Mu, Lang::En) => format!("{} mu", grouped(m2_to_mu(m2), 2)),
        (AreaUnit::SquareMetre, _) => format!("{} m²", grouped(m2, 2)),
    }
}

/// The display width of a string in terminal cells (CJK characters take two).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The string cut to at most `max` cells, ending in "…" when cut; never half a glyph.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// The text broken into lines of at most `w` cells, by display width; a glyph
/// wider than a whole line is left out rather than cut.
pub fn wrap(text: &str, w: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if cw > w {
            continue;
        }
        if used + cw > w {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        line.push(c);
        used += cw;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The string truncated to `w` cells and padded with spaces on the right to exactly `w`.
pub fn pad_right(s: &str, w: usize) -> String {
    let cut = truncate(s, w);
    let fill = w.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(fill))
}

/// The string truncated to `w` cells and padded with spaces on the left to exactly `w`.
pub fn pad_left(s: &str, w: usize) -> String {
    let cut = truncate(s, w);
    let fill = w.saturating_sub(width(&cut));
    format!("{}{cut}", " ".repeat(fill))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn groups_thousands() {
        let table = [
            ("0", "0"),
            ("999", "999"),
            ("1000", "1,000"),
            ("29480000", "29,480,000"),
            ("566373.333333", "566,373.33"),
            ("-1234.5", "-1,234.5"),
            ("2948.00", "2,948"),
        ];
        for (value, expected) in table {
            assert_eq!(grouped(d(value), 2), expected, "{value}");
        }
    }

    #[test]
    fn shows_money_in_each_scale() {
        let table = [
            ("29480000", Currency::Cny, MoneyScale::Yuan, "29,480,000元"),
            ("29480000", Currency::Cny, MoneyScale::Wan, "2,948万元"),
            ("29480000", Currency::Cny, MoneyScale::Yi, "0.2948亿元"),
            ("4596600", Currency::Cny, MoneyScale::Wan, "459.66万元"),
            // Small amounts keep every digit rather than round to nothing.
            ("4596600", Currency::Cny, MoneyScale::Yi, "0.045966亿元"),
            ("35180", Currency::Cny, MoneyScale::Wan, "3.518万元"),
            ("1300000000", Currency::Cny, MoneyScale::Yi, "13亿元"),
            ("1234567890", Currency::Cny, MoneyScale::Yi, "12.35亿元"),
            ("70050000", Currency::Usd, MoneyScale::Wan, "7,005万美元"),
            ("647000000", Currency::Usd, MoneyScale::Yi, "6.47亿美元"),
        ];
        for (amount, currency, scale, expected) in table {
            assert_eq!(money(d(amount), currency, scale, Lang::Zh), expected);
        }
    }

    #[test]
    fn shows_money_in_english_without_chinese_units() {
        let table = [
            (
                "29480000",
                Currency::Cny,
                MoneyScale::Yuan,
                "29,480,000 yuan",
            ),
            ("29480000", Currency::Cny, MoneyScale::Wan, "29.48m yuan"),
            ("35459000", Currency::Cny, MoneyScale::Wan, "35.459m yuan"),
            ("4596600", Currency::Cny, MoneyScale::Wan, "4.5966m yuan"),
            ("4596600", Currency::Cny, MoneyScale::Yi, "0.0045966bn yuan"),
            ("13630000000", Currency::Cny, MoneyScale::Yi, "13.63bn yuan"),
            ("70050000", Currency::Usd, MoneyScale::Wan, "70.05m USD"),
        ];
        for (amount, currency, scale, expected) in table {
            assert_eq!(money(d(amount), currency, scale, Lang::En), expected);
        }
        assert_eq!(
            money_auto(d("35180"), Currency::Cny, Lang::En),
            "35,180 yuan"
        );
    }

    #[test]
    fn picks_the_scale_a_report_would_write() {
        assert_eq!(
            money_auto(d("13630000000"), Currency::Cny, Lang::Zh),
            "136.3亿元"
        );
        assert_eq!(
            money_auto(d("35459000"), Currency::Cny, Lang::Zh),
            "3,545.9万元"
        );
        assert_eq!(money_auto(d("5000"), Currency::Cny, Lang::Zh), "5,000元");
        assert_eq!(
            money_auto(d("647000000"), Currency::Usd, Lang::Zh),
            "6.47亿美元"
        );
    }

    #[test]
    fn shows_land_in_mu_and_square_metres() {
        let mu = crate::units::Unit::new("亩");
        let m2 = mu.factor().unwrap() * d("849.56");
        assert_eq!(area(m2, AreaUnit::Mu, Lang::Zh), "849.56亩");
        assert_eq!(area(m2, AreaUnit::Mu, Lang::En), "849.56 mu");
        assert_eq!(area(m2, AreaUnit::SquareMetre, Lang::Zh), "566,373.33 m²");
        assert_eq!(area(d("1100000"), AreaUnit::Mu, Lang::Zh), "1,650亩");
    }

    #[test]
    fn wraps_by_display_width() {
        assert_eq!(wrap("终端太小 (60x20)", 6), ["终端太", "小 (60", "x20)"]);
        assert_eq!(wrap("终端", 1), Vec::<String>::new());
        assert_eq!(wrap("", 5), Vec::<String>::new());
        assert!(
            wrap("新旧动能转换滞后 abc", 3)
                .iter()
                .all(|l| width(l) <= 3)
        );
    }

    #[test]
    fn truncates_by_display_width_without_half_glyphs() {
        assert_eq!(truncate("新旧动能转换滞后", 16), "新旧动能转换滞后");
        assert_eq!(truncate("新旧动能转换滞后", 15), "新旧动能转换滞…");
        // An odd width cannot hold half a glyph: one cell is left empty.
        assert_eq!(truncate("新旧动能转换滞后", 6), "新旧…");
        assert_eq!(truncate("新旧动能转换滞后", 1), "…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(pad_right("问题", 6), "问题  ");
        assert_eq!(pad_left("问题", 5), " 问题");
        assert_eq!(width(&pad_right("新旧动能转换滞后", 7)), 7);
    }
}
