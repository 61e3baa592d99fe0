//! Achieved money and land by kind, and the sections money is shown in.

use rust_decimal::Decimal;

use super::FigurePath;
use crate::model::{FigureKind, Group};
use crate::units::{Currency, square_metres_per_mu};

/// The achieved money of one kind in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyTotal {
    /// What the money is.
    pub kind: FigureKind,
    /// Its currency.
    pub currency: Currency,
    /// The sum in yuan or dollars, leaving out overlapping figures.
    pub amount: Decimal,
    /// True when any added figure is approximate (余, 多).
    pub approximate: bool,
    /// The figures added, then the ones listed but left out: overlapping
    /// figures, and a problem's figures of a kind the report states a total
    /// for in its general paragraphs.
    pub figures: Vec<FigurePath>,
    /// How many of `figures`, from the first, are added.
    pub added: usize,
}

/// Where a money total is shown: recoveries first, then funds moved, then
/// money still awaiting settlement (not done yet, so never under "achieved"),
/// then economic indicators, which are never on one scale with recoveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MoneySection {
    /// 追缴, 追回, 清退, 退还, 挽回经济损失, 收缴, 罚没.
    Recovered,
    /// Disbursed, secured, applied for, transferred, written off, invested.
    Funds,
    /// 待结算: an amount still to be settled.
    Pending,
    /// Investment, revenue, output, trade, exports, foreign investment.
    Economy,
    /// Kinds of no money group (a count written in 元, say).
    Other,
}

impl MoneySection {
    /// Every section, in the order views list them.
    pub const ALL: [Self; 5] = [
        Self::Recovered,
        Self::Funds,
        Self::Pending,
        Self::Economy,
        Self::Other,
    ];

    /// The section a kind of money is shown in.
    pub fn of(kind: FigureKind) -> Self {
        if kind == FigureKind::PendingSettlement {
            return Self::Pending;
        }
        match kind.group() {
            Group::Recovered => Self::Recovered,
            Group::Funds => Self::Funds,
            Group::Economy => Self::Economy,
            Group::Land | Group::FloorArea | Group::Other => Self::Other,
        }
    }
}

/// The achieved land of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LandTotal {
    /// What was done with the land.
    pub kind: FigureKind,
    /// The sum in square metres, leaving out overlapping figures.
    pub m2: Decimal,
    /// The sum of the targets the added figures are measured against, in m².
    pub target_m2: Option<Decimal>,
    /// The part of the added figures that have a target, in m²; the ratio's numerator.
    pub with_target_m2: Decimal,
    /// True when any added figure is approximate.
    pub approximate: bool,
    /// The figures added, then the ones listed but left out (see `MoneyTotal`).
    pub figures: Vec<FigurePath>,
    /// How many of `figures`, from the first, are added.
    pub added: usize,
}

impl LandTotal {
    /// True for building floor area (房屋征收): square metres, never 亩, never land.
    pub fn is_floor_area(&self) -> bool {
        self.kind.group() == Group::FloorArea
    }

    /// The sum in 亩.
    pub fn mu(&self) -> Decimal {
        m2_to_mu(self.m2)
    }

    /// Achieved against target in percent, where there is a target and the
    /// ratio is a number a decimal can hold (a target of 10⁻²⁸ m² is not).
    pub fn percent_of_target(&self) -> Option<Decimal> {
        let target = self.target_m2?;
        if target.is_zero() {
            return None;
        }
        let percent = self
            .with_target_m2
            .checked_mul(Decimal::from(100))?
            .checked_div(target)?;
        Some(percent.round_dp(1))
    }
}

/// Square metres to 亩, rounded to two decimals.
pub fn m2_to_mu(m2: Decimal) -> Decimal {
    (m2 / square_metres_per_mu()).round_dp(2).normalize()
}
