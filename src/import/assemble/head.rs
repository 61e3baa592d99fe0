//! The head of a report: title, issuer, dates, inspection kind and how
//! complete the source is.

use chrono::NaiveDate;

use super::Builder;
use crate::import::details::report_id;
use crate::import::error::ImportError;
use crate::import::lexicon::parse_full_date;
use crate::model::InspectionKind;

impl Builder<'_> {
    /// Title, issuer, dates, inspection kind, source completeness.
    pub(super) fn head(&mut self) -> Result<(), ImportError> {
        let chunk = self.chunk;
        let title = chunk.title.map(|i| self.para(i).text.trim().to_string());
        let signature = chunk
            .signature
            .map(|i| self.para(i).text.trim().to_string());
        let signed = chunk
            .date
            .and_then(|i| parse_full_date(&self.para(i).norm))
            .map(|(d, _)| d);
        let issuer = signature.clone().or_else(|| {
            title
                .as_ref()
                .and_then(|t| t.split("关于").next())
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        });
        let published = signed.or_else(|| self.first_date_in_body());
        let title_text = title
            .clone()
            .unwrap_or_else(|| "（标题不在来源中）".to_string());
        let Some(published) = published else {
            return Err(ImportError::NoDate {
                source_name: self.source.to_string(),
                title: title_text,
            });
        };
        self.reference = published;
        let issuer = issuer.unwrap_or_else(|| "（未署名）".to_string());
        let kind_text = title.clone().unwrap_or_default();
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

    pub(super) fn first_date_in_body(&self) -> Option<NaiveDate> {
        self.chunk.body.iter().find_map(|&i| {
            let norm = &self.para(i).norm;
            norm.char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .find_map(|(b, _)| parse_full_date(&norm[b..]).map(|(d, _)| d))
        })
    }
}
