//! Why a text could not be imported.

/// Why a text could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The input holds no text.
    #[error(
        "'{}' is empty: expected the plain text of a rectification report (整改情况的通报)", crate::sanitize::escape(.source_name)
    )]
    Empty {
        /// The input as the user named it.
        source_name: String,
    },
    /// The input is not text in a supported encoding.
    #[error(
        "'{}' is not text: found {found}; expected a plain-text report in UTF-8, GB18030 or GBK", crate::sanitize::escape(.source_name)
    )]
    Binary {
        /// The input as the user named it.
        source_name: String,
        /// What gave it away.
        found: String,
    },
    /// The text holds nothing that looks like a rectification report.
    #[error(
        "no rectification report found in '{}' ({paragraphs} paragraph(s) read): looked for a title \
         like '…关于巡察整改情况的通报', problems like '1、关于“…”问题的整改', headings like '已完成整改的问题' \
         or '整改结果及成效：', measures like '一是…', and a signature with a date", crate::sanitize::escape(.source_name)
    )]
    NoReport {
        /// The input as the user named it.
        source_name: String,
        /// How many paragraphs were read.
        paragraphs: usize,
    },
}
