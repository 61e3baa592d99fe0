//! The words synthetic reports are made of: issuers, flaws, headings,
//! filler prose, and the templates of the figures with the magnitudes they
//! take.

use crate::model::{FigureKind, Role};

pub(super) const DISTRICTS: &[&str] = &[
    "梁溪区",
    "锡山区",
    "惠山区",
    "滨湖区",
    "新吴区",
    "经济开发区",
];
pub(super) const BUREAUS: &[&str] = &[
    "财政局",
    "教育局",
    "民政局",
    "住房和城乡建设局",
    "自然资源和规划局",
    "交通运输局",
    "卫生健康委员会",
    "商务局",
    "农业农村局",
    "水利局",
    "市场监督管理局",
    "文化广电和旅游局",
    "人力资源和社会保障局",
    "生态环境局",
    "城市管理局",
    "审计局",
    "统计局",
    "应急管理局",
    "发展和改革委员会",
    "工业和信息化局",
];
pub(super) const CITY_OFFICES: &[&str] = &[
    "人民防空办公室",
    "机关事务管理局",
    "政务服务管理办公室",
    "国有资产监督管理委员会",
    "地方金融监督管理局",
    "体育局",
    "医疗保障局",
    "退役军人事务局",
];
pub(super) const STREETS: &[&str] = &[
    "广益",
    "崇安寺",
    "通江",
    "扬名",
    "清名桥",
    "金星",
    "蠡湖",
    "河埒",
    "荣巷",
    "华庄",
    "太湖",
    "雪浪",
    "梅村",
    "硕放",
    "鸿山",
    "旺庄",
    "江溪",
    "东北塘",
    "东亭",
    "锡北",
    "安镇",
    "堰桥",
    "长安",
    "钱桥",
    "前洲",
    "马山",
    "新安",
    "北大街",
    "惠山",
    "山北",
];
pub(super) const TOWNS: &[&str] = &[
    "羊尖", "鹅湖", "东港", "厚桥", "玉祁", "洛社", "阳山", "杨市", "胡埭",
];
pub(super) const PARKS: &[&str] = &[
    "经济开发区",
    "高新技术产业开发区",
    "太湖新城",
    "锡东新城商务区",
    "惠山经济开发区",
];

pub(super) const AREAS: &[&str] = &[
    "党建工作",
    "意识形态工作",
    "内控机制",
    "财务管理",
    "工程建设管理",
    "选人用人",
    "基层党组织建设",
    "作风建设",
    "国有资产管理",
    "重大项目推进",
    "营商环境建设",
    "民生保障",
    "安全生产监管",
    "生态环境保护",
    "干部队伍建设",
    "招商引资",
    "集体“三资”管理",
    "政府采购",
    "土地集约利用",
    "专项资金使用",
    "中央八项规定精神落实",
    "全面从严治党主体责任落实",
];
pub(super) const FLAWS: &[&str] = &[
    "抓而不实",
    "不够完善",
    "存在薄弱环节",
    "落实不到位",
    "还有短板",
    "监管不严",
    "推进缓慢",
    "执行不严格",
    "存在廉政风险",
    "责任压得不实",
    "流于形式",
    "成效不明显",
];
pub(super) const HEADINGS: &[&str] = &[
    "完善内控机制建设",
    "从严执行财务制度",
    "规范工程建设管理",
    "加强资金监管",
    "压实主体责任",
    "强化监督检查",
    "健全长效机制",
    "规范民生资金发放",
    "加强干部队伍建设",
    "深化作风建设",
    "推进专项清理整治",
    "盘活闲置资产资源",
    "加快项目推进",
    "强化理论武装",
    "优化营商环境",
    "夯实基层基础",
    "严格选人用人",
    "加强土地集约利用",
];
pub(super) const FILLERS: &[&str] = &[
    "成立专项工作组",
    "全面梳理岗位职责和权力事项",
    "形成完整的岗位目录和“权力清单”",
    "召开专题工作部署推进会",
    "深入基层实地督导检查",
    "建立问题清单、任务清单、责任清单",
    "明确责任领导、责任部门和完成时限",
    "实行挂图作战、对账销号",
    "从制度上完善防控措施",
    "有效实现风险防控规范化",
    "加强对重点领域、重点岗位、重点人员的监督",
    "坚决防范各类漏洞和风险的发生",
    "切实履行“一岗双责”",
    "层层传导压力",
    "确保整改工作落地见效",
    "做到举一反三、标本兼治",
    "定期开展“回头看”",
    "严防问题反弹回潮",
    "推动整改常态化、长效化",
    "将整改情况纳入年度考核",
    "强化考核结果运用",
    "组织开展摸底排查",
    "督促相关单位开展自查自纠",
    "通过监管平台持续跟踪",
    "进一步规范审批流程",
    "压降不合理支出",
    "严格执行“三重一大”决策制度",
    "加强与相关部门的沟通对接",
    "形成工作合力",
    "营造风清气正的良好氛围",
    "不断提升群众获得感",
    "制订出台专项管理办法",
    "修订完善相关规章制度",
    "开展警示教育",
    "落实专人跟踪负责",
];
pub(super) const PLAN_HEADINGS: &[&str] = &[
    "乘势而上，在思想重视上再提高",
    "主动而为，在成果巩固上再加强",
    "驰而不息，在查漏补缺上再落细",
    "迎难而进，在攻坚克难上再发力",
    "谋定而动，在攀高比强上再蓄势",
    "标本兼治，在建章立制上再完善",
];
pub(super) const ORDINALS: &[&str] = &[
    "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是",
];
pub(super) const PLAN_ORDINALS: &[&str] =
    &["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"];
pub(super) const TEAMS: &[&str] = &["第一", "第二", "第三", "第四", "第五", "第六"];
pub(super) const CHINESE_DIGITS: &[&str] =
    &["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// How the number of a figure is drawn: its unit, range and decimals.
#[derive(Clone, Copy)]
pub(super) struct Magnitude {
    pub(super) unit: &'static str,
    pub(super) lo: u64,
    pub(super) hi: u64,
    /// The most decimals the number may have.
    pub(super) decimals: u32,
}

const fn mag(unit: &'static str, lo: u64, hi: u64, decimals: u32) -> Magnitude {
    Magnitude {
        unit,
        lo,
        hi,
        decimals,
    }
}

pub(super) const YUAN_WAN: &[Magnitude] = &[
    mag("万元", 1, 5000, 2),
    mag("亿元", 1, 60, 2),
    mag("元", 1000, 99_999, 0),
];
pub(super) const USD: &[Magnitude] = &[mag("万美元", 10, 9000, 0), mag("亿美元", 1, 12, 2)];
pub(super) const MU: &[Magnitude] = &[
    mag("亩", 1, 2000, 2),
    mag("平方米", 100, 99_999, 0),
    mag("万平方米", 1, 200, 1),
];
pub(super) const PERCENT: &[Magnitude] = &[mag("%", 1, 99, 1)];

/// A clause with one figure in it: the words before and after the figure.
pub(super) struct Template {
    pub(super) before: &'static str,
    pub(super) after: &'static str,
    pub(super) label: &'static str,
    pub(super) kind: FigureKind,
    pub(super) role: Role,
    pub(super) magnitudes: &'static [Magnitude],
}

const fn t(
    before: &'static str,
    after: &'static str,
    label: &'static str,
    kind: FigureKind,
    role: Role,
    magnitudes: &'static [Magnitude],
) -> Template {
    Template {
        before,
        after,
        label,
        kind,
        role,
        magnitudes,
    }
}

pub(super) const MONEY: &[Template] = &[
    t(
        "累计追缴收回违规资金",
        "",
        "违规资金追缴收回",
        FigureKind::Recovered,
        Role::Achieved,
        YUAN_WAN,
    ),
    t(
        "清退违规发放的补贴",
        "",
        "违规发放补贴清退",
        FigureKind::Recovered,
        Role::Achieved,
        YUAN_WAN,
    ),
    t(
        "收回违规出借的集体资金",
        "",
        "违规出借集体资金收回",
        FigureKind::Recovered,
        Role::Achieved,
        YUAN_WAN,
    ),
    t(
        "向区属国企划转闲置资产",
        "",
        "闲置资产划转",
        FigureKind::Transferred,
        Role::Achieved,
        YUAN_WAN,
    ),
    t(
        "经审批核销无法收回的坏账",
        "",
        "坏账核销",
        FigureKind::WrittenOff,
        Role::Achieved,
        YUAN_WAN,
    ),
    t(
        "尚有工程款",
        "待结算",
        "工程款待结算",
        FigureKind::PendingSettlement,
        Role::Achieved,
        YUAN_WAN,
    ),
    t(
        "兑现惠企政策资金",
        "",
        "惠企政策资金兑现",
        FigureKind::Disbursed,
        Role::Achieved,
        YUAN_WAN,
    ),
    t(
        "发放民生补贴资金",
        "",
        "民生补贴资金发放",
        FigureKind::Disbursed,
        Role::Achieved,
        YUAN_WAN,
    ),
    t(
        "投入专项整治资金",
        "",
        "专项整治资金投入",
        FigureKind::Invested,
        Role::Achieved,
        YUAN_WAN,
    ),
    t(
        "积极对上争取补助资金",
        "",
        "上级补助资金争取",
        FigureKind::FundingSecured,
        Role::Achieved,
        YUAN_WAN,
    ),
    t(
        "申请使用专项债券资金",
        "",
        "专项债券资金申请",
        FigureKind::FundingApplied,
        Role::Achieved,
        YUAN_WAN,
    ),
    t(
        "实际到账外资",
        "",
        "外资到账",
        FigureKind::ForeignInvestment,
        Role::Achieved,
        USD,
    ),
    t(
        "完成进出口总额",
        "",
        "进出口总额",
        FigureKind::Trade,
        Role::Achieved,
        USD,
    ),
    t(
        "力争全年固定资产投资达到",
        "以上",
        "固定资产投资",
        FigureKind::FixedAssetInvestment,
        Role::Target,
        YUAN_WAN,
    ),
    t(
        "推进总投资",
        "的重点项目开工建设",
        "重点项目总投资",
        FigureKind::ProjectInvestment,
        Role::Planned,
        YUAN_WAN,
    ),
    t(
        "预计全年营业收入可达",
        "",
        "营业收入",
        FigureKind::Revenue,
        Role::Forecast,
        YUAN_WAN,
    ),
];
pub(super) const LAND: &[Template] = &[
    t(
        "盘活存量建设用地",
        "",
        "盘活存量建设用地",
        FigureKind::LandRevitalised,
        Role::Achieved,
        MU,
    ),
    t(
        "完成低效用地再开发",
        "",
        "低效用地再开发",
        FigureKind::LandRedeveloped,
        Role::Achieved,
        MU,
    ),
    t(
        "处置批而未供土地",
        "",
        "批而未供土地处置",
        FigureKind::LandUnsuppliedDisposed,
        Role::Achieved,
        MU,
    ),
    t(
        "完成征收拆迁",
        "",
        "征收拆迁",
        FigureKind::LandExpropriated,
        Role::Achieved,
        MU,
    ),
    t(
        "力争年内盘活闲置土地",
        "以上",
        "闲置土地盘活",
        FigureKind::LandRevitalised,
        Role::Target,
        MU,
    ),
];
pub(super) const RATES: &[Template] = &[
    t(
        "问题整改完成率达到",
        "",
        "问题整改完成率",
        FigureKind::Ratio,
        Role::Rate,
        PERCENT,
    ),
    t(
        "相关支出同比下降",
        "",
        "相关支出同比变化",
        FigureKind::Growth,
        Role::Change,
        PERCENT,
    ),
    t(
        "新兴产业占比提高到",
        "",
        "新兴产业占比",
        FigureKind::Ratio,
        Role::Rate,
        PERCENT,
    ),
];

/// Count clauses: the words before the number, the unit, the words after, the label.
pub(super) const COUNTS: &[(&str, &str, &str, &str)] = &[
    ("排查问题线索", "条", "", "排查问题线索"),
    ("约谈相关责任人", "名", "", "约谈相关责任人"),
    ("开展专项检查", "次", "", "专项检查"),
    ("修订完善制度", "项", "", "修订完善制度"),
    ("走访企业", "家", "", "走访企业"),
    ("组织专题培训", "场", "", "专题培训"),
    ("发现问题", "个", "，已全部完成整改", "自查发现问题"),
    ("清理违规合同", "份", "", "清理违规合同"),
    ("督办信访件", "件", "", "督办信访件"),
    ("处置安全隐患", "处", "", "处置安全隐患"),
    ("覆盖党员干部", "人次", "", "警示教育覆盖"),
];

/// Deadline periods after the year ("2023年上半年").
pub(super) const PERIODS: &[&str] = &[
    "",
    "底",
    "上半年",
    "一季度",
    "三季度",
    "6月",
    "3月底",
    "9月30日",
    "12月31日",
    "下半年",
];
