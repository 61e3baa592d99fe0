//! Deterministic synthetic datasets for demos and benchmarks (`zhenggai generate`).
//!
//! Every report is built from its own small random generator, seeded from the
//! dataset seed and the report's index, so the same seed gives the same bytes
//! on every machine and any report can be built without the ones before it.
//! The generator is hand-written (splitmix64) rather than taken from `rand`,
//! whose streams may change between versions.

use std::io::{self, BufWriter, Write};

use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;
use serde::ser::{Serialize, Serializer};

use crate::cli::GenerateArgs;
use crate::deadline::parse_deadline;
use crate::model::{
    Basis, Contact, Dataset, Deadline, Figure, FigureKind, Inspection, InspectionKind, Measure,
    PlanItem, Problem, Report, Role, SCHEMA_VERSION, Source, StatedCount, StatedRate, StatedTotals,
    Status,
};
use crate::output_file::OutputFile;
use crate::units::Unit;

mod vocabulary;

use vocabulary::*;

/// Runs `zhenggai generate`: writes the dataset to the output file or `out`; returns the exit code.
pub fn run(args: &GenerateArgs, out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    let Some(path) = &args.output else {
        let mut w = BufWriter::new(out);
        write(args.reports, args.seed, &mut w)?;
        w.flush()?;
        return Ok(0);
    };
    let mut file = match OutputFile::create(path, args.force) {
        Ok(file) => file,
        Err(e) => {
            writeln!(err, "zhenggai: {e}")?;
            return Ok(2);
        }
    };
    // Any error drops `file`, which removes the temporary.
    let written = write(args.reports, args.seed, &mut file)
        .map_err(|e| file.write_error(e))
        .and_then(|()| file.commit());
    if let Err(e) = written {
        writeln!(err, "zhenggai: {e}")?;
        return Ok(2);
    }
    Ok(0)
}

/// The name of a synthetic dataset.
pub fn name(reports: usize, seed: u64) -> String {
    format!("合成数据 {reports} 份 (seed {seed})")
}

/// Writes a dataset of `reports` reports as pretty JSON, one report in memory at a time.
///
/// The bytes are those of `serde_json::to_writer_pretty(&dataset(reports, seed))`.
pub fn write(reports: usize, seed: u64, w: &mut impl Write) -> io::Result<()> {
    let name = name(reports, seed);
    let streamed = Streamed {
        schema_version: SCHEMA_VERSION,
        name: &name,
        synthetic: true,
        reports: Reports {
            count: reports,
            seed,
        },
    };
    serde_json::to_writer_pretty(&mut *w, &streamed).map_err(io::Error::from)?;
    w.write_all(b"\n")
}

/// The JSON text of a dataset, for benchmarks and tests.
pub fn to_vec(reports: usize, seed: u64) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(reports * 50_000);
    // Writing to a `Vec` cannot fail, and serialising these types cannot either.
    let _ = write(reports, seed, &mut bytes);
    bytes
}

/// A dataset of `reports` reports, built in memory.
pub fn dataset(reports: usize, seed: u64) -> Dataset {
    Dataset {
        schema_version: SCHEMA_VERSION,
        name: name(reports, seed),
        synthetic: true,
        reports: (0..reports).map(|i| report(seed, i)).collect(),
    }
}

/// The dataset's top level with its reports generated while they are written;
/// field names and order are those of `Dataset`.
#[derive(serde::Serialize)]
struct Streamed<'a> {
    schema_version: u32,
    name: &'a str,
    synthetic: bool,
    reports: Reports,
}

/// The reports of a dataset, serialised one after another as they are built.
struct Reports {
    count: usize,
    seed: u64,
}

impl Serialize for Reports {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((0..self.count).map(|i| report(self.seed, i)))
    }
}

/// splitmix64: tiny, fast, and the same stream on every platform.
struct Rng(u64);

impl Rng {
    /// The generator of one report: the dataset seed mixed with the report's index.
    fn for_report(seed: u64, index: usize) -> Self {
        let mut mixer = Rng(seed ^ (index as u64).wrapping_mul(0xA24B_AED4_963E_E407));
        Rng(mixer.next() ^ seed.rotate_left(17))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// A number in `lo..=hi` as usize.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        self.range(lo as u64, hi as u64) as usize
    }

    /// True with the given chance in percent.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() as usize % items.len()]
    }
}

/// One report of a dataset: the same seed and index always give the same report.
pub fn report(seed: u64, index: usize) -> Report {
    let mut rng = Rng::for_report(seed, index);
    let issuer = issuer(&mut rng);
    let kind = *rng.pick(&[
        InspectionKind::Inspection,
        InspectionKind::Inspection,
        InspectionKind::Inspection,
        InspectionKind::FollowUp,
        InspectionKind::Special,
    ]);
    let title = match kind {
        InspectionKind::FollowUp => format!("{issuer}关于巡察“回头看”整改情况的通报"),
        InspectionKind::Special => format!("{issuer}关于专项巡察整改情况的通报"),
        _ => format!("{issuer}关于巡察整改情况的通报"),
    };
    let base = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let published = base
        .checked_add_days(Days::new(rng.range(0, 5 * 365)))
        .unwrap_or(base);
    let start = rng.range(3, 10) as u32;
    let inspection = Inspection {
        kind,
        team: Some(format!(
            "{}委{}巡察组",
            if issuer.contains("无锡市") && !issuer.contains('区') {
                "市"
            } else {
                "区"
            },
            rng.pick(TEAMS)
        )),
        period: Some(format!(
            "{}年{}月至{}月",
            published.year() - 1,
            start,
            start + 2
        )),
    };

    let closed = rng.between(5, 8);
    let open = rng.between(2, 3);
    let long_term = rng.between(0, 1);
    let mut problems = Vec::with_capacity(closed + open + long_term);
    let sections = [
        (Status::Closed, closed, "（一）已完成整改的问题"),
        (Status::Open, open, "（二）正在推进整改的问题"),
        (Status::LongTerm, long_term, "（三）需长期坚持整改的问题"),
    ];
    for (status, count, section) in sections {
        for n in 1..=count {
            problems.push(problem(&mut rng, status, n, section, published));
        }
    }
    let total = closed + open + long_term;
    let stated = stated(closed, open, long_term, total);
    let plan = (0..rng.between(2, 4))
        .map(|i| PlanItem {
            ordinal: Some(PLAN_ORDINALS[i].to_owned()),
            heading: Some(PLAN_HEADINGS[(i + index) % PLAN_HEADINGS.len()].to_owned()),
            text: format!(
                "{}{}。{}",
                PLAN_ORDINALS[i],
                PLAN_HEADINGS[(i + index) % PLAN_HEADINGS.len()],
                prose(&mut rng, 120, 200)
            ),
        })
        .collect();
    let contact = Contact {
        phone: vec![format!("0510-8{:07}", rng.range(0, 9_999_999))],
        email: vec![format!(
            "{}{}@163.com",
            ["xcb", "jwzg", "dzb", "bgs"][rng.between(0, 3)],
            rng.range(100, 99_999)
        )],
        address: rng.chance(50).then(|| {
            format!(
                "无锡市{}邮政信箱{}号",
                rng.pick(DISTRICTS),
                rng.range(1, 999)
            )
        }),
    };
    Report {
        id: format!("syn-{seed}-{index:05}"),
        title,
        issuer: issuer.clone(),
        published,
        inspection,
        source: Source {
            publication: Some("无锡日报".to_owned()),
            page: Some(format!("第{}版", rng.range(2, 8))),
            url: None,
            complete: true,
            ..Source::default()
        },
        contact,
        stated,
        problems,
        general: Vec::new(),
        people: Vec::new(),
        rules: Vec::new(),
        plan,
        signature: Some(issuer),
        signed: Some(published),
        published_inferred: None,
        unplaced: Vec::new(),
    }
}

fn issuer(rng: &mut Rng) -> String {
    match rng.range(0, 9) {
        0..=3 => format!("中共无锡市{}{}党组", rng.pick(DISTRICTS), rng.pick(BUREAUS)),
        4..=5 => format!("中共{}街道工作委员会", rng.pick(STREETS)),
        6 => format!("中共{}镇委员会", rng.pick(TOWNS)),
        7 => format!("中共无锡{}工作委员会", rng.pick(PARKS)),
        _ => format!("中共无锡市{}党组", rng.pick(CITY_OFFICES)),
    }
}

/// Stated totals equal to the transcribed counts, quoted as a report words them.
fn stated(closed: usize, open: usize, long_term: usize, total: usize) -> StatedTotals {
    let count = |value: usize, quote: String| StatedCount {
        value: value as u32,
        basis: Basis::Stated,
        quote,
    };
    let percent = (Decimal::from(closed as u64 * 100) / Decimal::from(total.max(1) as u64))
        .round_dp(1)
        .normalize();
    StatedTotals {
        closed: Some(count(closed, format!("已完成整改{closed}个"))),
        open: Some(count(open, format!("正在推进整改{open}个"))),
        long_term: (long_term > 0).then(|| count(long_term, format!("需长期坚持{long_term}个"))),
        total: Some(count(total, format!("巡察反馈的{total}个问题"))),
        completion_rate: Some(StatedRate {
            percent,
            quote: format!("整改完成率{percent}%"),
        }),
        ..StatedTotals::default()
    }
}

fn problem(
    rng: &mut Rng,
    status: Status,
    number: usize,
    section: &str,
    published: NaiveDate,
) -> Problem {
    let title = format!("{}{}", rng.pick(AREAS), rng.pick(FLAWS));
    let measure_count = match status {
        Status::Closed => rng.between(3, 5),
        _ => rng.between(2, 4),
    };
    let mut ordinal = 0;
    let measures = (0..measure_count)
        .map(|_| {
            ordinal += 1;
            measure(rng, ordinal, None)
        })
        .collect();
    let ongoing = match status {
        Status::Closed => Vec::new(),
        _ => (0..rng.between(2, 3))
            .map(|i| measure(rng, i + 1, Some(published)))
            .collect(),
    };
    Problem {
        number: Some(number.to_string()),
        number_inferred: false,
        title: Some(title),
        status,
        section: Some(section.to_owned()),
        measures_heading: Some(
            match status {
                Status::Closed => "整改结果及成效",
                _ => "整改措施及阶段性成效",
            }
            .to_owned(),
        ),
        partial: false,
        note: None,
        measures,
        ongoing,
        ..Problem::default()
    }
}

/// One measure of 80–200 characters with its figures; with `deadline_after`,
/// an item of work under way whose deadline falls after that day.
fn measure(rng: &mut Rng, ordinal: usize, deadline_after: Option<NaiveDate>) -> Measure {
    let ordinal = ORDINALS[(ordinal - 1) % ORDINALS.len()];
    let heading = *rng.pick(HEADINGS);
    let mut text = format!("{ordinal}{heading}。");
    let mut figures = Vec::new();
    let mut clauses: Vec<String> = Vec::new();
    let figure_count = match rng.range(0, 9) {
        0..=2 => 0,
        3..=6 => 1,
        _ => 2,
    };
    for _ in 0..figure_count {
        let (clause, figure) = figure_clause(rng);
        figures.push(figure);
        clauses.push(clause);
    }
    let mut deadline = None;
    if let Some(after) = deadline_after {
        let (when, date) = deadline_text(rng, after);
        let quote = format!(
            "{}{when}{}",
            rng.pick(&["确保", "力争在", "计划于"]),
            rng.pick(&["前整改到位", "全部完成", "前完成整改销号"])
        );
        clauses.push(quote.clone());
        deadline = Some(Deadline {
            text: when,
            date: Some(date),
            quote,
            ..Deadline::default()
        });
    }
    let target = rng.between(90, 190);
    let fixed: usize = clauses.iter().map(|c| c.chars().count() + 1).sum();
    let mut fillers = Vec::new();
    let mut length = text.chars().count() + fixed;
    for _ in 0..40 {
        if length >= target {
            break;
        }
        let filler = *rng.pick(FILLERS);
        let added = filler.chars().count() + 1;
        if length + added <= 200 {
            fillers.push(filler);
            length += added;
        }
    }
    // Figures go among the fillers; a deadline clause closes the paragraph.
    let mut parts: Vec<String> = fillers.iter().map(|f| (*f).to_owned()).collect();
    let closing = deadline.as_ref().and_then(|_| clauses.pop());
    for clause in clauses {
        let at = rng.between(0, parts.len());
        parts.insert(at, clause);
    }
    if let Some(closing) = closing {
        parts.push(closing);
    }
    for (i, part) in parts.iter().enumerate() {
        text.push_str(part);
        text.push(if i + 1 == parts.len() || i % 3 == 2 {
            '。'
        } else {
            '，'
        });
    }
    Measure {
        ordinal: Some(ordinal.to_owned()),
        ordinal_inferred: false,
        heading: Some(heading.to_owned()),
        text,
        partial: false,
        deadline,
        figures,
        unstated: Vec::new(),
        cells: None,
    }
}

/// A deadline text ("2023年上半年") whose day falls after `after`, with that day.
fn deadline_text(rng: &mut Rng, after: NaiveDate) -> (String, NaiveDate) {
    let period = *rng.pick(PERIODS);
    let mut year = after.year() + rng.range(0, 2) as i32;
    // A period already past in the publication year moves to the next year.
    for _ in 0..4 {
        let text = format!("{year}年{period}");
        if let Some(date) = parse_deadline(&text, after).filter(|d| *d > after) {
            return (text, date);
        }
        year += 1;
    }
    let text = format!("{year}年");
    let date = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(after);
    (text, date)
}

/// A clause with one figure, and the figure.
fn figure_clause(rng: &mut Rng) -> (String, Figure) {
    let family = rng.range(0, 9);
    if family >= 7 {
        let (before, unit, after, label) = *rng.pick(COUNTS);
        let n = rng.range(2, 200);
        // Small counts are often written in Chinese numerals ("四次").
        let number = if n < 10 && rng.chance(50) {
            CHINESE_DIGITS[n as usize].to_owned()
        } else {
            n.to_string()
        };
        let value = Decimal::from(n);
        let text = format!("{number}{unit}");
        let clause = format!("{before}{text}{after}");
        let unit = Unit::new(unit);
        return (
            clause.clone(),
            Figure {
                id: None,
                label: label.to_owned(),
                text,
                value,
                normalized: unit.normalize(value),
                unit,
                approximate: false,
                role: Role::Achieved,
                kind: FigureKind::Count,
                target: None,
                overlaps: None,
                quote: clause,
            },
        );
    }
    let template = match family {
        0..=3 => rng.pick(MONEY),
        4..=5 => rng.pick(LAND),
        _ => rng.pick(RATES),
    };
    let m = *rng.pick(template.magnitudes);
    let decimals = rng.range(0, u64::from(m.decimals)) as u32;
    let scale = 10u64.pow(decimals);
    let mantissa = rng.range(m.lo * scale, m.hi * scale);
    let value = Decimal::new(mantissa as i64, decimals).normalize();
    let approximate = decimals == 0 && mantissa >= 100 && rng.chance(15);
    let text = if approximate {
        format!("{value}余{}", m.unit)
    } else {
        format!("{value}{}", m.unit)
    };
    let clause = format!("{}{text}{}", template.before, template.after);
    let unit = Unit::new(m.unit);
    (
        clause.clone(),
        Figure {
            id: None,
            label: template.label.to_owned(),
            text,
            value,
            normalized: unit.normalize(value),
            unit,
            approximate,
            role: template.role,
            kind: template.kind,
            target: None,
            overlaps: None,
            quote: clause,
        },
    )
}

/// Sentences of filler between `lo` and `hi` characters long.
fn prose(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let target = rng.between(lo, hi);
    let mut text = String::new();
    let mut length = 0;
    let mut i = 0;
    while length < target {
        let filler = *rng.pick(FILLERS);
        text.push_str(filler);
        i += 1;
        text.push(if i % 3 == 0 { '。' } else { '，' });
        length += filler.chars().count() + 1;
    }
    if text.ends_with('，') {
        text.pop();
        text.push('。');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::validate;

    #[test]
    fn the_same_seed_and_index_give_the_same_report() {
        assert_eq!(report(7, 3), report(7, 3));
        assert_ne!(report(7, 3), report(8, 3));
        assert_ne!(report(7, 3), report(7, 4));
    }

    #[test]
    fn streaming_writes_the_bytes_of_the_whole_dataset() {
        let mut expected = serde_json::to_vec_pretty(&dataset(3, 5)).unwrap();
        expected.push(b'\n');
        assert_eq!(to_vec(3, 5), expected);
    }

    #[test]
    fn generated_reports_validate_without_issues() {
        let ds = dataset(40, 11);
        assert_eq!(validate(&ds), Vec::new());
    }

    #[test]
    fn measures_are_80_to_200_characters() {
        for r in dataset(20, 2).reports {
            for p in &r.problems {
                for m in p.measures.iter().chain(&p.ongoing) {
                    let n = m.text.chars().count();
                    assert!((80..=200).contains(&n), "{n}: {}", m.text);
                }
            }
        }
    }

    #[test]
    fn deadlines_fall_after_publication() {
        for r in dataset(50, 3).reports {
            for p in &r.problems {
                for m in &p.ongoing {
                    let d = m.deadline.as_ref().unwrap();
                    assert!(d.date.unwrap() > r.published, "{}", d.text);
                    assert!(m.text.contains(&d.quote));
                }
            }
        }
    }
}
