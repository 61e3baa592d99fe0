//! A synthetic ledger workbook of any size, in the layout offices use most:
//! a merged title, a subtitle, section rows, each problem merged over two
//! rows with one measure per row, date cells and text deadlines, and a
//! footer with the date. For the example in data/examples, tests and benches.

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

/// The header of the sample ledger.
pub const HEADER: [&str; 10] = [
    "序号",
    "反馈问题",
    "整改措施",
    "责任领导",
    "责任部门",
    "配合部门",
    "整改时限",
    "整改进展",
    "完成情况",
    "备注",
];

const LEADERS: [&str; 4] = ["王局长", "李副局长", "张副局长", "赵书记"];
const DEPARTMENTS: [&str; 5] = ["办公室", "财务股", "人事股", "法规股", "项目股"];
const PROBLEMS: [&str; 6] = [
    "学习贯彻上级精神不够深入",
    "“三重一大”制度执行不严格",
    "专项资金管理不规范",
    "干部队伍建设有短板",
    "落实中央八项规定精神有差距",
    "巡察整改跟踪督办不到位",
];
const SECTIONS: [&str; 3] = [
    "一、贯彻落实党的路线方针政策和上级决策部署方面",
    "二、落实全面从严治党主体责任方面",
    "三、落实组织工作路线方面",
];
const STATUSES: [&str; 5] = ["已完成", "已销号", "正在推进", "长期坚持", "未完成"];

/// The workbook of a sample ledger with `problems` problems of two rows
/// each, as xlsx bytes. The same count always gives the same bytes' content.
pub fn workbook(problems: usize) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("整改台账")?;
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    let plain = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let date = Format::new()
        .set_num_format("yyyy\"年\"m\"月\"d\"日\"")
        .set_align(FormatAlign::VerticalCenter);
    let last = (HEADER.len() - 1) as u16;
    sheet.merge_range(
        0,
        0,
        0,
        last,
        "县示例局党组关于县委第二巡察组反馈意见整改落实台账",
        &title,
    )?;
    sheet.merge_range(1, 0, 1, last, "（截至2023年9月30日）", &plain)?;
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *h, &title)?;
        sheet.set_column_width(c as u16, if c == 1 || c == 2 || c == 7 { 30 } else { 12 })?;
    }
    let mut row: u32 = 3;
    let per_section = problems.div_ceil(SECTIONS.len()).max(1);
    for p in 0..problems {
        if p % per_section == 0 {
            let section = SECTIONS[(p / per_section) % SECTIONS.len()];
            sheet.merge_range(row, 0, row, last, section, &plain)?;
            row += 1;
        }
        let (top, bottom) = (row, row + 1);
        let number = (p + 1).to_string();
        let problem = format!("{}（第{}项）", PROBLEMS[p % PROBLEMS.len()], p + 1);
        sheet.merge_range(top, 0, bottom, 0, &number, &plain)?;
        sheet.merge_range(top, 1, bottom, 1, &problem, &plain)?;
        for (i, r) in [top, bottom].into_iter().enumerate() {
            let measure = format!(
                "{}.建立第{}项工作机制，明确责任人和时间表，按月调度。",
                i + 1,
                p * 2 + i + 1
            );
            sheet.write_string_with_format(r, 2, &measure, &plain)?;
            sheet.write_string_with_format(r, 7, "已制定方案，正在逐项推进。", &plain)?;
        }
        sheet.merge_range(top, 3, bottom, 3, LEADERS[p % LEADERS.len()], &plain)?;
        sheet.merge_range(
            top,
            4,
            bottom,
            4,
            DEPARTMENTS[p % DEPARTMENTS.len()],
            &plain,
        )?;
        sheet.merge_range(
            top,
            5,
            bottom,
            5,
            DEPARTMENTS[(p + 2) % DEPARTMENTS.len()],
            &plain,
        )?;
        sheet.merge_range(top, 6, bottom, 6, "", &date)?;
        match p % 4 {
            0 => {
                let month = 1 + (p % 12) as u8;
                sheet.write_datetime_with_format(
                    top,
                    6,
                    ExcelDateTime::from_ymd(2023, month, 28)?,
                    &date,
                )?;
            }
            1 => {
                sheet.write_string_with_format(
                    top,
                    6,
                    format!("2023年{}月底前", 1 + p % 12),
                    &plain,
                )?;
            }
            2 => {
                sheet.write_string_with_format(top, 6, "立行立改", &plain)?;
            }
            _ => {
                sheet.write_string_with_format(top, 6, "长期坚持", &plain)?;
            }
        }
        let status = if p % 4 == 3 {
            "长期坚持"
        } else {
            STATUSES[p % STATUSES.len()]
        };
        sheet.merge_range(top, 8, bottom, 8, status, &plain)?;
        row += 2;
    }
    row += 1;
    sheet.merge_range(
        row,
        0,
        row,
        last,
        "填表人：示例  联系电话：0510-00000000  填报日期：2023年10月8日",
        &plain,
    )?;
    book.save_to_buffer()
}
