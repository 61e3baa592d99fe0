//! Property tests (proptest) of the pieces every output is made with: the
//! sanitiser and its writer, days, CSV fields, number and width formatting,
//! and the statistics on generated datasets.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use zhenggai::format::{self, AreaUnit, MoneyScale};
use zhenggai::i18n::Lang;
use zhenggai::sanitize::{self, Escaping, Mode};
use zhenggai::stats::Stats;
use zhenggai::units::Currency;

/// Text rich in what the sanitiser must catch: controls, C1, bidi controls,
/// the separators, CJK, and plain ASCII.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\x1b]0;t\x07".to_owned()),
        Just("\x1b[31m".to_owned()),
        Just("\u{9b}".to_owned()),
        Just("\u{202e}".to_owned()),
        Just("\u{2028}".to_owned()),
        Just("\r\n\t".to_owned()),
        Just("整改".to_owned()),
        any::<char>().prop_map(String::from),
        "[ -~]{0,8}",
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

/// Decimals over the whole range: any 96-bit mantissa, any scale, either sign.
fn decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28
        )
            .prop_map(|(lo, mid, hi, neg, s)| Decimal::from_parts(lo, mid, hi, neg, s)),
    ]
}

fn through_writer(chunks: &[&[u8]], mode: Mode) -> String {
    let mut out = Vec::new();
    {
        let mut w = Escaping::with_mode(&mut out, mode);
        for chunk in chunks {
            w.write_all(chunk).unwrap();
        }
    }
    String::from_utf8(out).unwrap()
}

/// A reader of RFC 4180 text, to read back what `to_csv` wrote.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

proptest! {
    /// No hazard survives `escape`, and escaping again changes nothing.
    #[test]
    fn escape_leaves_no_hazard_and_is_idempotent(s in hostile_text()) {
        let once = sanitize::escape(&s).into_owned();
        prop_assert!(!once.chars().any(sanitize::is_hazard), "{once:?}");
        prop_assert_eq!(sanitize::escape(&once), once.as_str());
    }

    /// Text without a hazard is shown exactly as it is.
    #[test]
    fn escape_keeps_safe_text_as_it_is(s in "\\PC*") {
        prop_assume!(!s.chars().any(sanitize::is_hazard));
        prop_assert_eq!(sanitize::escape(&s), s.as_str());
    }

    /// The escaping writer writes what escaping the whole text gives, however
    /// the bytes are split into writes (characters cut across writes included).
    #[test]
    fn the_writer_output_does_not_depend_on_how_it_is_chunked(
        s in hostile_text(),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
    ) {
        let bytes = s.as_bytes();
        let mut at: Vec<usize> = cuts.iter().map(|i| i.index(bytes.len() + 1)).collect();
        at.sort_unstable();
        let mut chunks = Vec::new();
        let mut from = 0;
        for to in at {
            chunks.push(&bytes[from..to]);
            from = to;
        }
        chunks.push(&bytes[from..]);
        let expected = sanitize::escape_keeping_lines(&s).into_owned();
        prop_assert_eq!(through_writer(&chunks, Mode::Text), expected.clone());
        prop_assert_eq!(through_writer(&[bytes], Mode::Text), expected);
    }

    /// Any bytes at all, through the writer in any mode: no raw hazard out,
    /// colours (SGR) aside in colour mode.
    #[test]
    fn the_writer_lets_no_hazard_through_from_any_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..64),
        mode in prop_oneof![Just(Mode::Text), Just(Mode::Json), Just(Mode::Colours)],
    ) {
        let out = through_writer(&[&bytes], mode);
        let out = if mode == Mode::Colours {
            // Only whole SGR sequences may keep their ESC.
            let mut kept = String::new();
            let mut rest = out.as_str();
            while let Some(at) = rest.find("\x1b[") {
                kept.push_str(&rest[..at]);
                let params = rest[at + 2..].bytes().take_while(|b| b.is_ascii_digit() || *b == b';').count();
                prop_assert_eq!(rest.as_bytes().get(at + 2 + params), Some(&b'm'));
                rest = &rest[at + 3 + params..];
            }
            kept + rest
        } else {
            out
        };
        prop_assert!(!out.chars().any(|c| sanitize::is_hazard(c) && !matches!(c, '\n' | '\t')), "{out:?}");
    }

    /// `sanitize::json` keeps a serialised string valid JSON with the same
    /// value, and leaves no hazard raw.
    #[test]
    fn sanitised_json_means_the_same(s in hostile_text()) {
        let raw = serde_json::to_string_pretty(&serde_json::json!({ "k": [s.clone()] })).unwrap();
        let safe = sanitize::json(&raw);
        prop_assert!(!safe.chars().any(|c| sanitize::is_hazard(c) && c != '\n'), "{safe:?}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        prop_assert_eq!(back["k"][0].as_str(), Some(s.as_str()));
    }

    /// Every day of 1900–2199 written YYYY-MM-DD is read as itself; a day
    /// that does not exist is not read.
    #[test]
    fn dates_read_every_real_day_written_yyyy_mm_dd(y in 1900i32..=2199, m in 1u32..=12, d in 1u32..=31) {
        let text = format!("{y:04}-{m:02}-{d:02}");
        prop_assert_eq!(zhenggai::dates::parse(&text), NaiveDate::from_ymd_opt(y, m, d));
    }

    /// Whatever is read as a day is exactly the day written back YYYY-MM-DD,
    /// in 1900–2199: nothing else ("2021-1-1", " 2021-01-01", "+2021-01-01") passes.
    #[test]
    fn dates_read_nothing_but_yyyy_mm_dd(s in "[-+ 0-9]{0,12}|[12][0-9]{3}-[0-9]{1,2}-[0-9]{1,2} ?") {
        if let Some(day) = zhenggai::dates::parse(&s) {
            prop_assert_eq!(day.format("%Y-%m-%d").to_string(), s);
            prop_assert!((1900..=2199).contains(&day.year()));
        }
    }

    /// CSV written by the export reads back as the same cells, for cells a
    /// spreadsheet would not run as formulas and that hold no hazard.
    #[test]
    fn csv_round_trips_plain_cells(rows in prop::collection::vec(prop::collection::vec("[^=+@\\-\t\r\u{0}-\u{1f}\u{7f}-\u{9f}][^\u{0}-\u{8}\u{b}-\u{1f}\u{7f}-\u{9f}]{0,12}|", 1..5), 0..5)) {
        prop_assume!(rows.iter().flatten().all(|c| !c.chars().any(|ch| sanitize::is_hazard(ch) && !matches!(ch, '\n' | '\t'))));
        // Leading spaces before a sign, and full-width signs, also start formulas.
        prop_assume!(rows.iter().flatten().all(|c| !c
            .trim_start_matches([' ', '\u{3000}'])
            .starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠'])));
        let csv = zhenggai::tui::export::to_csv(&rows);
        prop_assert_eq!(parse_csv(&csv), rows);
    }

    /// Any cell: the CSV reads back as many rows and cells as were written,
    /// no cell starts a formula, and none holds a raw hazard.
    #[test]
    fn csv_cells_are_never_formulas_or_hazards(rows in prop::collection::vec(prop::collection::vec(hostile_text(), 1..4), 0..4)) {
        let csv = zhenggai::tui::export::to_csv(&rows);
        let back = parse_csv(&csv);
        prop_assert_eq!(back.len(), rows.len());
        for (cells, written) in back.iter().zip(&rows) {
            prop_assert_eq!(cells.len(), written.len());
            for cell in cells {
                let number = cell.trim_start_matches(['+', '-']).replace('.', "");
                let plain = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
                let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !plain;
                prop_assert!(!formula, "{cell:?}");
                prop_assert!(!cell.chars().any(|c| sanitize::is_hazard(c) && !matches!(c, '\n' | '\t')), "{cell:?}");
            }
        }
    }

    /// A grouped number holds every digit of the rounded value: without its
    /// separators it is that value; separators fall every three digits of
    /// the whole part and never in the decimals.
    #[test]
    fn grouped_keeps_every_digit(value in decimal(), dp in 0u32..=4) {
        let text = format::grouped(value, dp);
        let plain = text.replace(',', "");
        let back: Decimal = plain.parse().unwrap();
        prop_assert_eq!(back, value.round_dp(dp));
        let whole = text.trim_start_matches('-').split('.').next().unwrap();
        for (i, group) in whole.split(',').enumerate() {
            prop_assert!(if i == 0 { (1..=3).contains(&group.len()) } else { group.len() == 3 }, "{text}");
        }
        prop_assert!(!text.split('.').nth(1).unwrap_or("").contains(','), "{text}");
    }

    /// Money and area never panic on any decimal and end in their unit,
    /// the number before it whole.
    #[test]
    fn money_and_area_format_any_decimal(value in decimal()) {
        for lang in [Lang::Zh, Lang::En] {
            for scale in [MoneyScale::Yuan, MoneyScale::Wan, MoneyScale::Yi] {
                for currency in [Currency::Cny, Currency::Usd] {
                    let text = format::money(value, currency, scale, lang);
                    let number = text.strip_suffix(scale.unit(currency, lang)).unwrap();
                    prop_assert!(number.replace(',', "").parse::<Decimal>().is_ok(), "{text}");
                }
            }
            let _ = format::money_auto(value, Currency::Cny, lang);
        }
        let mu = format::area(value, AreaUnit::Mu, Lang::Zh);
        prop_assert!(mu.ends_with('亩'), "{mu}");
        let mu = format::area(value, AreaUnit::Mu, Lang::En);
        prop_assert!(mu.ends_with(" mu"), "{mu}");
        let m2 = format::area(value, AreaUnit::SquareMetre, Lang::En);
        prop_assert!(m2.strip_suffix(" m²").unwrap().replace(',', "").parse::<Decimal>().is_ok(), "{m2}");
    }

    /// Cutting and padding by display width: never wider than asked, never
    /// half a glyph, and a number that fits is never cut.
    #[test]
    fn truncate_and_pad_respect_width(s in hostile_text(), max in 0usize..40, value in decimal()) {
        // Controls count one cell in a string's width and none in a
        // character's; they never reach the screen (ratatui drops them and
        // `sanitize::buffer` the rest), so widths are measured without them.
        let s: String = s.chars().filter(|c| !sanitize::is_hazard(*c)).collect();
        let cut = format::truncate(&s, max);
        prop_assert!(format::width(&cut) <= max);
        let kept = cut.strip_suffix('…').unwrap_or(&cut);
        prop_assert!(s.starts_with(kept));
        let number = format::grouped(value, 2);
        let w = format::width(&number);
        let left = format::pad_left(&number, w + max);
        prop_assert_eq!(left.trim_start(), number.as_str());
        let right = format::pad_right(&number, w + max);
        prop_assert_eq!(right.trim_end(), number.as_str());
        for line in format::wrap(&s, max) {
            prop_assert!(format::width(&line) <= max);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// On generated datasets: closed, open and long-term problems add up to
    /// the problems counted, per report and in total, and statistics built
    /// piecewise with `extend` equal those computed at once.
    #[test]
    fn stats_add_up_and_extend_equals_compute(reports in 0usize..6, seed in any::<u64>(), split in any::<prop::sample::Index>()) {
        let dataset = zhenggai::generate::dataset(reports, seed);
        let as_of = NaiveDate::from_ymd_opt(2022, 1, 15).unwrap();
        let stats = Stats::compute(&dataset, as_of);
        let problems: usize = dataset.reports.iter().map(|r| r.problems.len()).sum();
        prop_assert_eq!(stats.totals.transcribed.total() as usize, problems);
        let t = stats.totals.problems;
        prop_assert_eq!(t.closed + t.open + t.long_term, t.total());
        for (r, report) in stats.reports.iter().zip(&dataset.reports) {
            prop_assert_eq!(r.problems.transcribed.total() as usize, report.problems.len());
        }
        let best: u32 = stats.reports.iter().map(|r| r.problems.best().total()).sum();
        prop_assert_eq!(best, t.total());
        let k = split.index(dataset.reports.len() + 1);
        let mut piecewise = Stats::empty(as_of);
        piecewise.extend(&dataset.reports[..k], 0);
        piecewise.extend(&dataset.reports, k);
        prop_assert_eq!(piecewise, stats);
    }
}

proptest! {
    /// Any `--keys` string is read or refused, never a panic; refused, its
    /// message names the string.
    #[test]
    fn any_key_string_is_read_or_refused(s in "(<[A-Za-z-]{0,6}>?|[a-z/?<>整\u{1b}])*") {
        if let Err(e) = zhenggai::snapshot::keys::parse(&s) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    /// Any `--size` string is a size with sides 1 to 1000, or refused.
    #[test]
    fn any_size_string_is_in_range_or_refused(s in "[0-9xX ]{0,12}|[0-9]{1,6}x[0-9]{1,6}") {
        if let Ok(size) = s.parse::<zhenggai::snapshot::Size>() {
            prop_assert!((1..=1000).contains(&size.width) && (1..=1000).contains(&size.height));
        }
    }
}

/// The seed newspaper page, read once.
fn seed_lines() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/sources/wuxi-2021-12-30.txt"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .split('\n')
        .map(str::to_owned)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Issue 11: deleting any lines of the seed (runs of them, as a page cut
    /// short or a column lost would) never panics, and every line that
    /// remains is kept in some field or in `unplaced` with a reason.
    #[test]
    fn deleting_lines_of_the_seed_never_loses_a_remaining_line(
        cuts in prop::collection::vec((0usize..640, 1usize..40), 0..12),
        scattered in prop::collection::vec(0usize..640, 0..60),
    ) {
        let lines = seed_lines();
        let mut keep = vec![true; lines.len()];
        for (start, len) in cuts {
            for slot in keep.iter_mut().take(start + len).skip(start) {
                *slot = false;
            }
        }
        for k in scattered {
            if let Some(slot) = keep.get_mut(k) {
                *slot = false;
            }
        }
        let text: String = lines
            .iter()
            .zip(&keep)
            .filter(|(_, keep)| **keep)
            .map(|(line, _)| format!("{line}\n"))
            .collect();
        // A refusal (no report found) is fine; a panic or a lost line is not.
        if let Ok(imported) = zhenggai::import::import_bytes(text.as_bytes(), "cut.txt") {
            let lost = zhenggai::import::lost_lines(&text, &imported.dataset.reports);
            prop_assert!(lost.is_empty(), "lost: {lost:?}");
        }
    }
}
