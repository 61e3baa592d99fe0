//! User-facing words in Chinese and English, from one table.

use crate::model::{FigureKind, InspectionKind, Role, Status};
use crate::stats::{Bucket, CountSource, MoneySection};

/// The language of the user interface; data text is always shown as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Lang {
    /// 中文.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The language the environment asks for: LC_ALL, then LC_MESSAGES, then LANG;
    /// `zh*` gives Chinese, anything else English.
    pub fn from_env() -> Self {
        let var = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty());
        Self::from_locale(var.as_deref().unwrap_or(""))
    }

    /// The locale the environment sets for characters (LC_ALL, LC_CTYPE, LANG).
    pub fn ctype_locale() -> Option<String> {
        ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
    }

    /// A warning when the locale is not UTF-8 ("C", "POSIX", "zh_CN.GBK"):
    /// such a terminal shows borders and Chinese as garbage. `None` when it
    /// is UTF-8, or when no locale is set (terminals then mostly are).
    pub fn locale_warning(locale: Option<&str>) -> Option<String> {
        let locale = locale?;
        let lower = locale.to_ascii_lowercase();
        if lower.contains("utf-8") || lower.contains("utf8") {
            return None;
        }
        Some(format!(
            "zhenggai: warning: the locale '{}' is not UTF-8, so Chinese text may show as garbage (borders and symbols are drawn in ASCII)\n  hint: run it as LANG=zh_CN.UTF-8 zhenggai (or en_US.UTF-8), in a terminal set to UTF-8",
            crate::sanitize::escape(locale)
        ))
    }

    /// The language a locale name asks for ("zh_CN.UTF-8" → Chinese).
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Self::Zh
        } else {
            Self::En
        }
    }

    /// The other language.
    pub fn toggle(self) -> Self {
        match self {
            Self::Zh => Self::En,
            Self::En => Self::Zh,
        }
    }
}

/// Every label, header, hint and message of the interface; the variant names say what each is.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Msg {
    AsOf,
    Reports,
    ReportsTitle,
    Problems,
    Transcribed,
    Money,
    NotSummed,
    Unstated,
    AmountNotStated,
    Land,
    Target,
    Deadlines,
    Totals,
    PartialSource,
    Published,
    Approximately,
    Overlapping,
    Figures,
    NoData,
    KeyDown,
    KeyUp,
    KeyEnter,
    KeyBack,
    KeyUnit,
    KeyUnitElsewhere,
    DemoDay,
    UnitsOnlyThere,
    KeyNextTab,
    KeyPrevTab,
    KeyTop,
    KeyBottom,
    KeyPageDown,
    KeyPageUp,
    KeyHalfDown,
    KeyHalfUp,
    KeyQuit,
    KeySuspend,
    KeyLang,
    Added,
    Overdue,
    Needs,
    Now,
    Presenting,
    Paused,
    Loading,
    HelpTyping,
    ScopeAnywhere,
    ScopeAlways,
    ScopeDrilled,
    /// Where Enter opens something: every view but an item.
    ScopeOpens,
    ScopeUnits,
    ScopeTop,
    ScopeSearched,
    ScopeSearch,
    ScopeHelp,
    KeyClear,
    KeySearch,
    KeyNextMatch,
    KeyPrevMatch,
    KeyFilter,
    KeyOverdue,
    KeySort,
    /// The Overview's cards after `s`: by open problems.
    SortedByOpen,
    /// The Overview's cards after `s`: by overdue items.
    SortedByOverdue,
    /// The Overview's cards after `s`: by closed problems.
    SortedByClosed,
    /// The Overview's cards after `s`: by publication date.
    SortedByPublished,
    /// The Overview when a filter leaves no report.
    NoReportPasses,
    KeyHelp,
    KeyReload,
    KeyCopy,
    KeyExport,
    KeySearchSubmit,
    KeySearchCancel,
    KeyDeleteChar,
    KeyCloseHelp,
    KeyScrollDown,
    KeyScrollUp,
    KeyHelpFilter,
    KeyHelpFilterDone,
    KeyHelpFilterCancel,
    ScopeHelpFilter,
    Help,
    HelpFilter,
    TypeToSearch,
    Copied,
    NothingToCopy,
    Searching,
    NoMatch,
    /// The search bar takes no more characters.
    QueryTooLong,
    Reloaded,
    /// The column of change marks, with `--since`.
    ColChange,
    /// The Units column of the rate then and now.
    ColRateChange,
    /// The `c` key: only rows that changed since the older version.
    KeyChanges,
    /// `c` without `--since`: it says what it needs.
    KeyChangesElsewhere,
    /// Why `c` does nothing without `--since`.
    ChangesNeedSince,
    /// Where `c` works.
    ScopeSince,
    /// The filter's mark in the breadcrumb.
    ChangesOnly,
    /// Before the older version's date: "较 2023-06-30".
    Since,
    /// The legend of change marks, before it.
    Legend,
    /// Problems of the older version not in this one, after a count.
    RemovedShort,
    /// The sparkline of the rate over dated versions (`--history`).
    Trend,
    /// After a count of dated versions.
    Versions,
    FilterAll,
    OverdueOnly,
    Search,
    KeyColumn,
    /// Before the economic indicators on the Overview's money line.
    EconomyNamed,
    /// After a count, in the banner of a load that stopped at an error.
    ReadBeforeError,
    /// The heading of the marks and words explained in the help.
    Terms,
    Where,
    TabOverview,
    TabUnits,
    TabProblems,
    TabOwners,
    Rate,
    DueSoon,
    OnTrack,
    NoDateShort,
    OverdueShort,
    OwnerLeader,
    OwnerDepartment,
    NoOwners,
    RateUnknownPartial,
    RateUnknownNone,
    RateInferred,
    RateStated,
    KeyToggleOwners,
    KeyPresentNext,
    Actual,
    RolePending,
    Timeline,
    NoDatedItems,
    ProblemDeadline,
    ScopePresent,
    KeyPresentPrev,
    KeyPresentPause,
    BestFirst,
    WorstFirst,
    OwnerProblems,
    ColClosed,
    ColOpen,
    ColLongTerm,
    ColOverdue,
    ColDueSoon,
    Progress2,
    UnitsWithoutRate,
    LightsPartial,
    TabAmounts,
    TabLand,
    TabDeadlines,
    TooSmall,
    Report,
    Problem,
    Measure,
    Ongoing,
    Number,
    Title,
    Status,
    Measures,
    NearestDeadline,
    Kind,
    Label,
    AsWritten,
    Converted,
    Role,
    Section,
    Date,
    DeadlineText,
    Item,
    Source,
    Missing,
    Contact,
    Stated,
    Note,
    /// The column of a figure's value in an export.
    Value,
    Achieved,
    NotSummedShort,
    UnstatedShort,
    OverlapShort,
    NoTitle,
    /// The end of a bottom bar too narrow for every key: `?` shows the rest.
    More,
    /// The note beside a problem whose source prints no number.
    NoNumber,
    Approx,
    Issuer,
    Open,
    Closed,
    LongTerm,
    Heading,
    Figure,
    SourceClause,
    AmountsByKind,
    LandAgainstTarget,
    Unit,
    Complete,
    Empty,
    /// After a count of characters of a long text left out of a view.
    MoreCharacters,
    /// An item of a report's general paragraphs, as `Measure` names a measure.
    General,
    /// The pseudo-problem holding a report's general paragraphs.
    ReportAsWhole,
    Category,
    Leaders,
    Departments,
    Partners,
    OwnDeadline,
    LongTermNoDate,
    DateFrom,
    StatusAsWritten,
    Progress,
    Cells,
    People,
    Rules,
    Total,
    OverdueProblems,
    EconomySection,
    FloorArea,
    NotStated,
    /// Beside a problem's figure of a kind the report states a total for.
    InReportTotal,
    AspectsStated,
    UnitsStated,
    CompletionRate,
    /// The short mark of a figure listed under a total but not added.
    IncludedShort,
    EconomyShort,
    PendingShort,
    GeneralIntro,
}

impl Msg {
    /// The words after a count, singular where English wants it: "1 report",
    /// "2 reports".
    pub fn after_count(self, n: usize, lang: Lang) -> &'static str {
        match (self, lang, n) {
            (Self::Reports, Lang::En, 1) => "report",
            (Self::Versions, Lang::En, 1) => "version",
            _ => self.text(lang),
        }
    }

    /// The words in a language.
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Self::AsOf => ("截至", "as of"),
            // After a count: "2 份报告".
            Self::Reports => ("份报告", "reports"),
            // A panel title: "报告 · 1/2".
            Self::ReportsTitle => ("报告", "reports"),
            Self::Problems => ("问题", "Problems"),
            Self::Transcribed => ("已列出", "listed"),
            Self::Money => (
                "金额（已完成，按类别与币种合计）",
                "Money achieved, by kind and currency",
            ),
            Self::NotSummed => (
                "目标、预计、计划与未归类的金额（不计入合计）",
                "Targets, forecasts, plans and money of no known kind (not added in)",
            ),
            Self::Unstated => ("提及但未说明金额", "Mentioned, amount not stated"),
            Self::AmountNotStated => ("金额未说明", "amount not stated"),
            Self::Land => ("土地", "Land"),
            Self::Target => ("目标", "target"),
            Self::Deadlines => ("时限", "Deadlines"),
            Self::Totals => ("合计", "Totals"),
            Self::PartialSource => ("来源不完整", "partial source"),
            Self::Published => ("发布", "published"),
            Self::Approximately => ("约", "~"),
            Self::Overlapping => (
                "与另一项是同一笔钱，不重复计入",
                "the same money as another line, counted once",
            ),
            Self::Figures => ("项数据", "numbers"),
            Self::NoData => ("无", "none"),
            Self::KeyDown => ("下移", "down"),
            Self::KeyUp => ("上移", "up"),
            Self::KeyEnter => ("打开", "open"),
            Self::KeyBack => ("返回", "back"),
            Self::KeyUnit => ("切换单位", "unit"),
            Self::KeyUnitElsewhere => ("说明单位在哪里切换", "say where units switch"),
            Self::DemoDay => ("（示例日）", " (demo day)"),
            Self::UnitsOnlyThere => (
                "u 只在金额页（元/万元/亿元）和土地页（亩/平方米）切换单位",
                "u switches units only on Amounts (yuan) and Land (mu/m²)",
            ),
            Self::KeyNextTab => ("下一页签", "next tab"),
            Self::KeyPrevTab => ("上一页签", "previous tab"),
            Self::KeyTop => ("到顶", "first row"),
            Self::KeyBottom => ("到底", "last row"),
            Self::KeyPageDown => ("下翻一页", "page down"),
            Self::KeyPageUp => ("上翻一页", "page up"),
            Self::KeyHalfDown => ("下翻半页", "half page down"),
            Self::KeyHalfUp => ("上翻半页", "half page up"),
            Self::KeyQuit => ("退出", "quit"),
            Self::KeySuspend => ("挂起到后台（fg 恢复）", "suspend (fg resumes)"),
            Self::KeyLang => ("English", "中文"),
            Self::Added => ("计入合计", "in total"),
            Self::Overdue => ("逾期", "overdue"),
            Self::Needs => ("需要", "needs"),
            Self::Now => ("当前", "now"),
            Self::Presenting => (
                "▶ 演示中 · 空格暂停 · ←→ 翻页 · q 退出",
                "▶ presenting · space pauses · ←→ slides · q quits",
            ),
            Self::Paused => (
                "‖ 已暂停 · 空格继续 · ←→ 翻页 · q 退出",
                "‖ paused · space resumes · ←→ slides · q quits",
            ),
            Self::Loading => ("加载中…", "loading…"),
            Self::HelpTyping => (
                "j k ↑ ↓ PgUp PgDn 滚动 · / 筛选 · esc 关闭",
                "j k ↑ ↓ PgUp PgDn scroll · / filters · esc closes",
            ),
            Self::ScopeAnywhere => ("任何时候", "anywhere"),
            Self::ScopeAlways => ("各处", "everywhere"),
            Self::ScopeDrilled => ("下钻后", "drilled in"),
            Self::ScopeOpens => ("可下钻处", "where a row opens"),
            Self::ScopeUnits => ("金额、土地", "Amounts, Land"),
            Self::ScopeTop => ("页签顶层", "top of a tab"),
            Self::ScopeSearched => ("有搜索时", "with a search"),
            Self::ScopeSearch => ("搜索栏", "search bar"),
            Self::ScopeHelp => ("帮助", "help"),
            Self::KeyClear => ("清除筛选与搜索", "clear filters and search"),
            Self::KeySearch => ("搜索", "search"),
            Self::KeyNextMatch => ("下一个匹配", "next match"),
            Self::KeyPrevMatch => ("上一个匹配", "previous match"),
            Self::KeyFilter => ("状态筛选", "status filter"),
            Self::KeyOverdue => ("只看逾期", "overdue only"),
            Self::KeySort => ("切换排序列", "sort column"),
            Self::SortedByOpen => ("按未完成问题数排序", "sorted by open problems"),
            Self::SortedByOverdue => ("按逾期事项数排序", "sorted by overdue items"),
            Self::SortedByClosed => ("按已完成问题数排序", "sorted by closed problems"),
            Self::SortedByPublished => ("按发布日期排序", "sorted by date published"),
            Self::NoReportPasses => (
                "没有报告符合筛选条件 · esc 清除筛选",
                "no report passes the filter · esc clears it",
            ),
            Self::KeyHelp => ("帮助", "help"),
            Self::KeyReload => ("重新加载", "reload"),
            Self::KeyCopy => ("复制所选（经终端）", "copy, via the terminal"),
            Self::KeyExport => ("导出表格（CSV 与 xlsx）", "export table (CSV, xlsx)"),
            Self::KeySearchSubmit => ("打开匹配项", "open the match"),
            Self::KeySearchCancel => ("取消搜索", "cancel search"),
            Self::KeyDeleteChar => ("删除一个字", "delete a character"),
            Self::KeyCloseHelp => ("关闭帮助", "close help"),
            Self::KeyScrollDown => ("向下滚动", "scroll down"),
            Self::KeyScrollUp => ("向上滚动", "scroll up"),
            Self::KeyHelpFilter => ("筛选按键", "filter the keys"),
            Self::KeyHelpFilterDone => ("保留筛选", "keep the filter"),
            Self::KeyHelpFilterCancel => ("清除筛选", "clear the filter"),
            Self::ScopeHelpFilter => ("帮助筛选", "help filter"),
            Self::ScopePresent => ("演示中", "presenting"),
            Self::Help => ("帮助 · 按键", "Help · keys"),
            Self::HelpFilter => ("筛选", "filter"),
            Self::TypeToSearch => ("输入文字即搜索", "type to search"),
            Self::Copied => (
                "已交给终端剪贴板（tmux：set -g set-clipboard on）",
                "to the terminal's clipboard (tmux: set -g set-clipboard on)",
            ),
            Self::NothingToCopy => ("没有可复制的内容", "nothing to copy"),
            Self::Searching => ("搜索中…", "searching…"),
            Self::NoMatch => ("没有匹配项", "no match"),
            Self::QueryTooLong => ("搜索词最多1000字", "a search is at most 1,000 characters"),
            Self::Reloaded => ("已重新加载", "reloaded"),
            Self::ColChange => ("变化", "Chg"),
            Self::ColRateChange => ("完成率变化", "Rate change"),
            Self::KeyChanges => ("只看变化", "changes only"),
            Self::KeyChangesElsewhere => ("说明只看变化需要 --since", "say changes need --since"),
            Self::ChangesNeedSince => (
                "只看变化需要以 --since 旧版本 启动，才有可比较的版本",
                "the Changes filter needs a version to compare with: start with --since OLD",
            ),
            Self::ScopeSince => ("有 --since 时", "with --since"),
            Self::ChangesOnly => ("只看变化", "changes only"),
            Self::Since => ("较", "since"),
            Self::Legend => ("图例", "Legend"),
            Self::RemovedShort => ("已移除", "removed"),
            Self::Trend => ("趋势", "Trend"),
            Self::Versions => ("个版本", "versions"),
            Self::FilterAll => ("全部", "all"),
            Self::OverdueOnly => ("只看逾期", "overdue only"),
            Self::Search => ("搜索", "search"),
            Self::KeyColumn => ("按键", "key"),
            Self::Where => ("适用", "where"),
            Self::Terms => ("标记与用语", "Marks and words"),
            Self::EconomyNamed => ("经济指标", "economy"),
            Self::ReadBeforeError => ("份报告（出错前读到的）", "reports (read before this error)"),
            Self::TabOverview => ("总览", "Overview"),
            Self::TabUnits => ("单位", "Units"),
            Self::TabProblems => ("问题", "Problems"),
            Self::TabOwners => ("责任", "Owners"),
            Self::Rate => ("完成率", "rate"),
            Self::DueSoon => ("30天内到期", "due in 30 days"),
            Self::OnTrack => ("按期推进", "on track"),
            Self::NoDateShort => ("无日期", "no date"),
            Self::OverdueShort => ("逾期", "overdue"),
            Self::OwnerLeader => ("责任领导", "responsible leader"),
            Self::OwnerDepartment => ("责任单位", "lead department"),
            Self::NoOwners => (
                "数据中没有责任领导或责任单位：公开通报不写这些，整改台账（xlsx、csv）才有。",
                "The data names no responsible leader or lead department: published reports do not; ledgers (xlsx, csv) do.",
            ),
            Self::RateUnknownPartial => ("来源不全，未述总数", "partial source, no totals stated"),
            Self::RateUnknownNone => ("没有问题，无完成率", "no problems, no rate"),
            Self::RateInferred => ("含按编号推断的数", "includes an inferred count"),
            Self::RateStated => ("通报所述", "as stated"),
            Self::KeyToggleOwners => ("切换责任领导 / 责任单位", "leaders / lead departments"),
            Self::KeyPresentNext => ("演示：下一页", "presenting: next slide"),
            Self::Actual => ("实际数", "actual"),
            Self::RolePending => ("待结算", "pending"),
            Self::Timeline => ("到期时间轴（事项数）", "falling due (items)"),
            Self::NoDatedItems => ("列表中没有带日期的事项", "no dated item in the list"),
            Self::ProblemDeadline => ("问题本身的整改时限", "the problem's own deadline"),
            Self::KeyPresentPrev => ("演示：上一页", "presenting: previous slide"),
            Self::KeyPresentPause => ("演示：暂停 / 继续", "presenting: pause / resume"),
            Self::BestFirst => ("完成率高者在前", "highest rate first"),
            Self::WorstFirst => ("完成率低者在前", "lowest rate first"),
            Self::OwnerProblems => ("名下问题", "problems"),
            Self::ColClosed => ("✓ 完成", "✓ done"),
            Self::ColOpen => ("● 在改", "● open"),
            Self::ColLongTerm => ("∞ 长期", "∞ long"),
            Self::ColOverdue => ("! 逾期", "! late"),
            Self::ColDueSoon => ("* 将到", "* soon"),
            Self::Progress2 => ("进度", "bar"),
            Self::UnitsWithoutRate => (
                "个单位无完成率，未计入",
                "unit(s) without a rate, not included",
            ),
            Self::LightsPartial => (
                "未录入问题的单位不亮灯",
                "units with no problems listed have no lights",
            ),
            Self::TabAmounts => ("金额", "Amounts"),
            Self::TabLand => ("土地", "Land"),
            Self::TabDeadlines => ("时限", "Deadlines"),
            Self::TooSmall => ("终端太小", "terminal too small"),
            Self::Report => ("报告", "report"),
            Self::Problem => ("问题", "problem"),
            Self::Measure => ("措施", "measure"),
            Self::Ongoing => ("深化", "ongoing"),
            Self::Number => ("编号", "No."),
            Self::Title => ("标题", "title"),
            Self::Status => ("状态", "status"),
            Self::Measures => ("措施", "measures"),
            Self::NearestDeadline => ("最近时限", "next deadline"),
            Self::Kind => ("类别", "kind"),
            Self::Label => ("内容", "what"),
            Self::AsWritten => ("原文", "as written"),
            Self::Converted => ("折合", "converted"),
            Self::Role => ("属于", "counts as"),
            Self::Section => ("所在部分", "section"),
            Self::Date => ("日期", "date"),
            Self::DeadlineText => ("时限原文", "deadline as written"),
            Self::Item => ("事项", "item"),
            Self::Source => ("来源", "source"),
            Self::Missing => ("缺失", "missing"),
            Self::Contact => ("联系方式", "contact"),
            Self::Stated => ("通报所述", "stated"),
            Self::Note => ("说明", "note"),
            Self::Value => ("数值", "value"),
            Self::Achieved => ("+ 计入", "+ counted"),
            Self::NotSummedShort => ("○ 不计入", "○ not counted"),
            Self::UnstatedShort => ("? 未说明", "? not stated"),
            Self::OverlapShort => ("≈ 重复不计", "≈ duplicate"),
            Self::NoNumber => ("原文未编号", "no number in the source"),
            Self::More => ("更多", "more"),
            Self::NoTitle => ("（标题不在来源中）", "(title not in the source)"),
            Self::Approx => ("约数", "approximate"),
            Self::Issuer => ("发布单位", "issuer"),
            Self::Open => ("正在整改", "open"),
            Self::Closed => ("已完成", "closed"),
            Self::LongTerm => ("长期坚持", "long-term"),
            Self::Heading => ("要点", "heading"),
            Self::Figure => ("数据", "numbers"),
            Self::SourceClause => ("来源原文", "source clause"),
            Self::AmountsByKind => (
                "金额合计（按类别，分节，各节各自标尺）",
                "Money by kind, in sections, each on its own scale",
            ),
            Self::LandAgainstTarget => {
                ("土地（已完成，对照目标）", "Land achieved, against target")
            }
            Self::Unit => ("单位", "unit"),
            Self::Complete => ("完整", "complete"),
            Self::Empty => ("（无）", "(none)"),
            Self::MoreCharacters => ("字未显示", "more characters"),
            Self::General => ("总体", "general"),
            Self::ReportAsWhole => ("通报总体情况", "report as a whole"),
            Self::Category => ("问题类别", "category"),
            Self::Leaders => ("责任领导", "leaders"),
            Self::Departments => ("责任单位", "lead departments"),
            Self::Partners => ("配合单位", "co-operating"),
            Self::OwnDeadline => ("整改时限", "deadline"),
            Self::LongTermNoDate => ("长期坚持，无日期", "long-term, no date"),
            Self::DateFrom => ("日期依据", "date from"),
            Self::StatusAsWritten => ("状态原文", "status as written"),
            Self::Progress => ("整改进展", "progress"),
            Self::Cells => ("台账单元格", "ledger cells"),
            Self::People => ("问责处理", "People held accountable"),
            Self::Rules => ("建章立制", "Rules made or revised"),
            Self::Total => ("总数", "total"),
            Self::OverdueProblems => ("逾期问题", "overdue problems"),
            Self::EconomySection => (
                "经济指标（不是追缴挽损，不与其同一标尺）",
                "Economic indicators (not recoveries, never on their scale)",
            ),
            Self::FloorArea => (
                "房屋征收面积（平方米，不是土地，不折算亩）",
                "Floor area expropriated (m², not land, never in mu)",
            ),
            Self::NotStated => ("未说明", "not stated"),
            Self::AspectsStated => ("方面", "aspects"),
            Self::UnitsStated => ("单位", "units"),
            Self::CompletionRate => ("完成率", "completion rate"),
            Self::IncludedShort => ("⊂ 已含在内", "⊂ in a total"),
            Self::EconomyShort => ("+ 经济指标", "+ economy"),
            Self::PendingShort => ("… 待结算", "… pending"),
            Self::GeneralIntro => (
                "通报引言与结尾中关于整体的段落；其中数字为通报自己的合计，可追溯到原文。",
                "Paragraphs about the report as a whole (introduction, closing); their figures are the report's own totals, each traced to its clause.",
            ),
            Self::InReportTotal => (
                "已含在通报总体数字中，不重复计入",
                "in the report's own total, not added again",
            ),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A remark in parentheses, by the language's typography: "（…）" or " (…)".
pub fn parenthesized(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（{text}）"),
        Lang::En => format!(" ({text})"),
    }
}

/// The name of a problem status.
pub fn status(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::Closed, Lang::Zh) => "已完成",
        (Status::Closed, Lang::En) => "closed",
        (Status::Open, Lang::Zh) => "正在整改",
        (Status::Open, Lang::En) => "open",
        (Status::LongTerm, Lang::Zh) => "长期坚持",
        (Status::LongTerm, Lang::En) => "long-term",
    }
}

/// A label before its value: "说明：", "note: ", with the colon of its
/// language (Chinese labels take the full-width one).
pub fn label(text: &str) -> String {
    if text.is_ascii() {
        format!("{text}: ")
    } else {
        format!("{text}：")
    }
}

/// Where a problem count comes from.
pub fn count_source(source: CountSource, lang: Lang) -> &'static str {
    match (source, lang) {
        (CountSource::Stated, Lang::Zh) => "通报所述",
        (CountSource::Stated, Lang::En) => "stated",
        (CountSource::Numbering, Lang::Zh) => "按编号推断",
        (CountSource::Numbering, Lang::En) => "inferred from numbering",
        (CountSource::Transcribed, Lang::Zh) => "按列出的问题",
        (CountSource::Transcribed, Lang::En) => "counted from the problems listed",
        (CountSource::Sum, Lang::Zh) => "各项相加",
        (CountSource::Sum, Lang::En) => "sum of the counts",
        (CountSource::SumWithInferred, Lang::Zh) => "各项相加，含推断数",
        (CountSource::SumWithInferred, Lang::En) => "sum, includes an inferred count",
    }
}

/// The heading of a section of money.
pub fn money_section(section: MoneySection, lang: Lang) -> &'static str {
    match (section, lang) {
        (MoneySection::Recovered, Lang::Zh) => "追缴挽损",
        (MoneySection::Recovered, Lang::En) => "Money recovered",
        (MoneySection::Funds, Lang::Zh) => "资金拨付与争取",
        (MoneySection::Funds, Lang::En) => "Funds moved",
        (MoneySection::Pending, Lang::Zh) => "待结算（尚未完成，不计入已完成）",
        (MoneySection::Pending, Lang::En) => "Awaiting settlement (not done yet)",
        (MoneySection::Economy, _) => Msg::EconomySection.text(lang),
        (MoneySection::Other, Lang::Zh) => "其他",
        (MoneySection::Other, Lang::En) => "Other",
    }
}

/// The name of a deadline bucket.
pub fn bucket(bucket: Bucket, lang: Lang) -> &'static str {
    match (bucket, lang) {
        (Bucket::Overdue, _) => Msg::Overdue.text(lang),
        (Bucket::DueSoon, Lang::Zh) => "30天内到期",
        (Bucket::DueSoon, Lang::En) => "due in 30 days",
        (Bucket::Later, Lang::Zh) => "以后到期",
        (Bucket::Later, Lang::En) => "later",
        (Bucket::NoDate, Lang::Zh) => "无日期",
        (Bucket::NoDate, Lang::En) => "no date",
    }
}

/// The name of a figure's role.
pub fn role(role: Role, lang: Lang) -> &'static str {
    match (role, lang) {
        (Role::Achieved, Lang::Zh) => "已完成",
        (Role::Achieved, Lang::En) => "achieved",
        (Role::Target, Lang::Zh) => "目标",
        (Role::Target, Lang::En) => "target",
        (Role::Forecast, Lang::Zh) => "预计",
        (Role::Forecast, Lang::En) => "forecast",
        (Role::Planned, Lang::Zh) => "计划",
        (Role::Planned, Lang::En) => "planned",
        (Role::Rate, Lang::Zh) => "不相加",
        (Role::Rate, Lang::En) => "not added",
        (Role::Change, Lang::Zh) => "变化",
        (Role::Change, Lang::En) => "change",
    }
}

/// The name of a figure kind.
pub fn kind(kind: FigureKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => kind.label_zh(),
        Lang::En => kind.label_en(),
    }
}

/// The name of an inspection kind.
pub fn inspection(kind: InspectionKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => kind.label_zh(),
        Lang::En => kind.label_en(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_locales_give_the_chinese_ui() {
        for locale in ["zh_CN.UTF-8", "zh_TW", "ZH_cn", "zh"] {
            assert_eq!(Lang::from_locale(locale), Lang::Zh, "{locale}");
        }
        for locale in ["en_US.UTF-8", "C", "POSIX", "", "de_DE"] {
            assert_eq!(Lang::from_locale(locale), Lang::En, "{locale}");
        }
    }

    #[test]
    fn only_locales_that_are_not_utf8_are_warned_about() {
        for locale in ["C", "POSIX", "zh_CN.GBK", "zh_CN.GB18030"] {
            let warning = Lang::locale_warning(Some(locale)).unwrap_or_default();
            assert!(
                warning.contains(&format!("'{locale}' is not UTF-8")),
                "{warning}"
            );
        }
        for locale in ["zh_CN.UTF-8", "en_US.utf8", "C.UTF-8"] {
            assert_eq!(Lang::locale_warning(Some(locale)), None, "{locale}");
        }
        assert_eq!(Lang::locale_warning(None), None);
    }
}
