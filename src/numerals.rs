//! Chinese numerals as reports write counts and dates: 两, 十三, 一百二十, 〇.

/// A Chinese numeral up to 9999 (两, 十三, 一百二十, 三千).
pub fn chinese_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    let mut last_was_zero = false;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            if digit.is_some() && !last_was_zero {
                return None;
            }
            last_was_zero = d == 0;
            digit = Some(d);
            continue;
        }
        let mult = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        let d = match digit.take() {
            Some(0) | None if mult == 10 && total == 0 => 1,
            Some(d) => d,
            None => return None,
        };
        total += d * mult;
        last_was_zero = false;
    }
    Some(total + digit.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chinese_numerals() {
        let table = [
            ("一", 1),
            ("两", 2),
            ("十", 10),
            ("十三", 13),
            ("二十", 20),
            ("九十九", 99),
            ("一百二十", 120),
            ("三千", 3000),
            ("一百零五", 105),
        ];
        for (text, n) in table {
            assert_eq!(chinese_number(text), Some(n), "{text}");
        }
        assert_eq!(chinese_number("百"), None);
        assert_eq!(chinese_number("二三"), None);
        assert_eq!(chinese_number(""), None);
    }
}
