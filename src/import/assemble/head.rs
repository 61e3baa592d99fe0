//! The head of a report: title, issuer, dates, inspection kind and how
//! complete the source is.

use chrono::{Datelike, NaiveDate};

use super::Builder;
use crate::import::details::report_id;
use crate::import::error::ImportError;
use crate::import::lexicon::{furniture_label, parse_full_date, parse_lost_date, strip_bullet};
use crate::import::segment::ends_sentence;
use crate::model::InspectionKind;

impl Builder<'_> {
    /// Title, issuer, dates, inspection kind, source completeness.
    pub(super) fn head(&mut self) -> Result<(), ImportError> {
        let chunk = self.chunk;
        let title = chunk
            .title
            .map(|i| strip_bullet(&self.para(i).text).to_string());
        let signature = chunk
            .signature
            .map(|i| self.para(i).text.trim().to_string());
        let date_line = chunk.date.map(|i| self.para(i));
        let signed = date_line
            .and_then(|p| parse_full_date(&p.norm))
            .map(|(d, _)| d);
        // A date that lost its 年 and 月 in copying (2023818日): read, and said so.
        let lost = date_line.filter(|_| signed.is_none()).and_then(|p| {
            parse_lost_date(p.norm.trim()).map(|(d, _)| {
                let note = format!(
                    "日期印作“{}”，读作{}年{}月{}日",
                    p.text.trim(),
                    d.year(),
                    d.month(),
                    d.day()
                );
                (d, note)
            })
        });
        let signed = signed.or(lost.as_ref().map(|(d, _)| *d));
        // The words before 关于 (關於 in a traditional text) in the title.
        let title_norm = chunk
            .title
            .map(|i| strip_bullet(&self.para(i).norm).to_string());
        let issuer = signature.clone().or_else(|| {
            let (title, norm) = (title.as_ref()?, title_norm.as_ref()?);
            let before = norm.find("关于")?;
            let n = norm[..before].chars().count();
            let issuer: String = title.chars().take(n).collect();
            let issuer = issuer.trim();
            (!issuer.is_empty()).then(|| issuer.to_string())
        });
        let page_date = self.page_date();
        let (published, inferred) = match (signed, page_date) {
            (Some(d), _) => (d, lost.map(|(_, note)| note)),
            (None, Some(d)) => (d, None),
            (None, None) => match self.latest_date_in_body() {
                Some((d, written, clause)) => (
                    d,
                    Some(format!(
                        "未见发布日期，取正文中最晚的日期{written}（“{clause}”）"
                    )),
                ),
                None => match self.latest_month_in_body() {
                    Some((d, written)) => (
                        d,
                        Some(format!(
                            "未见发布日期，正文中最晚的时间为{written}，取该月最后一天"
                        )),
                    ),
                    None => match self.latest_year_in_body() {
                        Some((d, written)) => (
                            d,
                            Some(format!(
                                "未见发布日期，正文中最晚的时间为{written}，取该年最后一天"
                            )),
                        ),
                        // No year anywhere (截至今年5月底): the day of the import,
                        // said so, rather than refusing a report that counts.
                        None => {
                            let today = chrono::Local::now().date_naive();
                            (
                                today,
                                Some(format!(
                                    "未见任何带年份的日期，取导入当天{}年{}月{}日",
                                    today.year(),
                                    today.month(),
                                    today.day()
                                )),
                            )
                        }
                    },
                },
            },
        };
        let title_text = title
            .clone()
            .unwrap_or_else(|| "（标题不在来源中）".to_string());
        self.reference = published;
        let issuer = issuer.unwrap_or_else(|| "（未署名）".to_string());
        let kind_text = title_norm.clone().unwrap_or_default();
        self.report.inspection.kind = if kind_text.contains("回头看") {
            InspectionKind::FollowUp
        } else if kind_text.contains("专项巡察") {
            InspectionKind::Special
        } else if kind_text.contains("巡视") {
            InspectionKind::Circuit
        } else {
            InspectionKind::Inspection
        };
        self.report.id = report_id(&issuer, published);
        self.report.title = title_text;
        self.report.issuer = issuer;
        self.report.published = published;
        self.report.published_inferred = inferred;
        self.report.signature = signature;
        self.report.signed = signed;
        self.report.source.file = Some(self.source.to_string());
        self.report.source.complete = true;

        let first = chunk.body.first().copied();
        let last = chunk.body.last().copied();
        let mut missing = Vec::new();
        for m in &self.segmented.markers {
            if m.continued_from && Some(m.paragraph) == first {
                missing.push(format!(
                    "the beginning of the report, printed on an earlier page ({})",
                    m.text
                ));
            } else if !m.continued_from && Some(m.paragraph) == last {
                missing.push(format!(
                    "the end of the report, printed on a later page ({})",
                    m.text
                ));
            }
        }
        // Without signature or date the text may simply stop (a page cut short).
        if chunk.signature.is_none()
            && chunk.date.is_none()
            && let Some(last) = last.map(|i| self.para(i))
            && !ends_sentence(&last.norm)
        {
            let tail: Vec<char> = last.text.chars().collect();
            let tail: String = tail[tail.len().saturating_sub(16)..].iter().collect();
            missing.push(format!(
                "the end of the report: the text stops mid-sentence at “…{tail}”"
            ));
        }
        if !missing.is_empty() {
            self.report.source.complete = false;
            self.report.source.missing = Some(missing.join("; "));
        }
        if let Some(i) = chunk.title {
            self.place(i, "title".to_string());
        }
        if let Some(i) = chunk.signature {
            self.place(i, "signature".to_string());
        }
        if let Some(i) = chunk.date {
            self.place(i, "date".to_string());
        }
        Ok(())
    }

    /// The date the web page gives (成文日期, 发布日期, 日期:), if any.
    fn page_date(&self) -> Option<NaiveDate> {
        let furniture = &self.chunk.furniture;
        let date_of = |label: &str| {
            furniture.iter().find_map(|&i| {
                let (found, value) = furniture_label(&self.para(i).norm)?;
                if found != label {
                    return None;
                }
                // The value on the label's line, or on the line under it.
                let value = if value.is_empty() {
                    self.segmented.paragraphs.get(i + 1)?.norm.as_str()
                } else {
                    value
                };
                parse_full_date(value).map(|(d, _)| d)
            })
        };
        ["成文日期", "发布日期", "发布时间", "日期"]
            .into_iter()
            .find_map(date_of)
    }

    /// The latest full date the body mentions as past, with how it is printed
    /// and its clause: the best guess at a publication date when none is printed.
    fn latest_date_in_body(&self) -> Option<(NaiveDate, String, String)> {
        const FUTURE: &[&str] = &["确保", "力争", "计划", "预计", "将于", "前完成", "之前"];
        let mut best: Option<(NaiveDate, String, String)> = None;
        for &i in &self.chunk.body {
            let p = self.para(i);
            let norm: Vec<char> = p.norm.chars().collect();
            let text: Vec<char> = p.text.chars().collect();
            for k in 0..norm.len() {
                if !norm[k].is_ascii_digit() || (k > 0 && norm[k - 1].is_ascii_digit()) {
                    continue;
                }
                let rest: String = norm[k..].iter().collect();
                // A date that lost its 年 and 月 (2021915日) counts as well.
                let Some((date, after)) = parse_full_date(&rest).or_else(|| parse_lost_date(&rest))
                else {
                    continue;
                };
                let len = rest.chars().count() - after.chars().count();
                let stop = |c: &char| matches!(c, '，' | '。' | '；');
                let start = norm[..k].iter().rposition(stop).map_or(0, |s| s + 1);
                let end = norm[k..]
                    .iter()
                    .position(stop)
                    .map_or(norm.len(), |e| k + e);
                let clause: String = text[start..end].iter().collect();
                let clause_norm: String = norm[start..end].iter().collect();
                if FUTURE.iter().any(|w| clause_norm.contains(w)) {
                    continue;
                }
                if best.as_ref().is_none_or(|(d, _, _)| date > *d) {
                    let written: String = text[k..k + len].iter().collect();
                    best = Some((date, written, clause));
                }
            }
        }
        best
    }

    /// The latest year the body names (2017年), and its last day: when the
    /// text names no month of a year either.
    fn latest_year_in_body(&self) -> Option<(NaiveDate, String)> {
        let mut best: Option<(NaiveDate, String)> = None;
        for &i in &self.chunk.body {
            let p = self.para(i);
            let norm: Vec<char> = p.norm.chars().collect();
            let text: Vec<char> = p.text.chars().collect();
            for k in 0..norm.len().saturating_sub(4) {
                let year = &norm[k..k + 4];
                if (k > 0 && norm[k - 1].is_ascii_digit())
                    || !year.iter().all(char::is_ascii_digit)
                    || norm[k + 4] != '年'
                {
                    continue;
                }
                let Some(last) = year
                    .iter()
                    .collect::<String>()
                    .parse::<i32>()
                    .ok()
                    .and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31))
                    .filter(|d| crate::dates::YEARS.contains(&d.year()))
                else {
                    continue;
                };
                if best.as_ref().is_none_or(|(d, _)| last > *d) {
                    best = Some((last, text[k..k + 5].iter().collect()));
                }
            }
        }
        best
    }

    /// The latest month the body names (2023年5月), and its last day: the
    /// guess of last resort when the text gives no full date at all.
    fn latest_month_in_body(&self) -> Option<(NaiveDate, String)> {
        let mut best: Option<(NaiveDate, String)> = None;
        for &i in &self.chunk.body {
            let p = self.para(i);
            let norm: Vec<char> = p.norm.chars().collect();
            let text: Vec<char> = p.text.chars().collect();
            for k in 0..norm.len().saturating_sub(6) {
                let year = &norm[k..k + 4];
                if (k > 0 && norm[k - 1].is_ascii_digit())
                    || !year.iter().all(char::is_ascii_digit)
                    || norm[k + 4] != '年'
                {
                    continue;
                }
                let digits = norm[k + 5..]
                    .iter()
                    .take(2)
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                if digits == 0 || norm.get(k + 5 + digits) != Some(&'月') {
                    continue;
                }
                let y: i32 = year.iter().collect::<String>().parse().ok()?;
                let m: u32 = norm[k + 5..k + 5 + digits]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .ok()?;
                let Some(last) = NaiveDate::from_ymd_opt(y, m, 1)
                    .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
                    .and_then(|next| next.pred_opt())
                    .filter(|d| crate::dates::YEARS.contains(&d.year()))
                else {
                    continue;
                };
                if best.as_ref().is_none_or(|(d, _)| last > *d) {
                    let written: String = text[k..k + 6 + digits].iter().collect();
                    best = Some((last, written));
                }
            }
        }
        best
    }
}
