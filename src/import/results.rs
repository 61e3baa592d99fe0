//! Report-level results stated in words: people held accountable (给予党纪处分3人,
//! 立案2件, 移交问题线索1条) and rules made or revised (制定及修改完善制度12项),
//! each with the clause it comes from.

use crate::model::{Accountability, PeopleCount, RulesCount};
use crate::numerals::chinese_number;

/// The words for accountability, longest first where one holds another.
const PEOPLE_WORDS: &[(&str, Accountability)] = &[
    ("党纪政务处分", Accountability::PartyOrGovernmentDiscipline),
    ("党政纪处分", Accountability::PartyOrGovernmentDiscipline),
    ("党政纪处理", Accountability::PartyOrGovernmentDiscipline),
    ("党纪处分", Accountability::PartyDiscipline),
    ("党内严重警告", Accountability::PartyDiscipline),
    ("党内警告", Accountability::PartyDiscipline),
    ("撤销党内职务", Accountability::PartyDiscipline),
    ("留党察看", Accountability::PartyDiscipline),
    ("开除党籍", Accountability::PartyDiscipline),
    ("记大过处分", Accountability::GovernmentSanction),
    ("记过处分", Accountability::GovernmentSanction),
    ("政务警告", Accountability::GovernmentSanction),
    ("政务记过", Accountability::GovernmentSanction),
    ("政务撤职", Accountability::GovernmentSanction),
    ("纪律处分", Accountability::PartyDiscipline),
    ("政务处分", Accountability::GovernmentSanction),
    ("政纪处分", Accountability::GovernmentSanction),
    ("组织处理", Accountability::OrganisationalHandling),
    ("诫勉谈话", Accountability::Admonition),
    ("诫勉", Accountability::Admonition),
    ("批评教育", Accountability::CriticalEducation),
    ("提醒谈话", Accountability::ReminderTalk),
    ("谈话提醒", Accountability::ReminderTalk),
    ("约谈", Accountability::ReminderTalk),
    ("责令作出书面检查", Accountability::OrderedSelfReview),
    ("责令检查", Accountability::OrderedSelfReview),
    ("书面检查", Accountability::OrderedSelfReview),
    ("交由纪委调查", Accountability::Referred),
    ("移送纪检监察机关", Accountability::Referred),
    ("移送纪委", Accountability::Referred),
    ("移送司法机关", Accountability::Judiciary),
    ("立案审查调查", Accountability::CaseFiled),
    ("立案", Accountability::CaseFiled),
    ("移交问题线索", Accountability::LeadsHandedOver),
    ("问题线索", Accountability::LeadsHandedOver),
    ("问责", Accountability::HeldAccountable),
    ("查处", Accountability::HeldAccountable),
    ("批评帮助", Accountability::Other),
    ("通报批评", Accountability::Other),
    ("第一种形态", Accountability::Other),
];

/// Units a count of people, cases or leads is given in.
const PEOPLE_UNITS: &[&str] = &["人次", "人", "名", "件", "条", "个"];

/// Verbs that make or revise rules, which may stand before 制度.
const RULE_VERBS: &str = "制定修订改完善建立健全新建出台及和并与、废止清理印发规范";

/// Words that may stand between the verbs and 制度 (完善各项制度, 建立完善规章制度).
const RULE_QUALIFIERS: &str = "各项类规章则相关管理内部等";

fn is_delimiter(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '、' | '：' | '！' | '？' | '（' | '）'
    )
}

/// A number at `at`: Arabic digits or a Chinese numeral, its value and end.
fn number_at(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let digits = chars[at..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits > 0 {
        let text: String = chars[at..at + digits].iter().collect();
        return text.parse().ok().map(|v| (v, at + digits));
    }
    let han = chars[at..]
        .iter()
        .take_while(|c| "零〇一二两三四五六七八九十百".contains(**c))
        .count();
    if han == 0 {
        return None;
    }
    let text: String = chars[at..at + han].iter().collect();
    chinese_number(&text).map(|v| (v, at + han))
}

fn unit_at(chars: &[char], at: usize) -> Option<&'static str> {
    PEOPLE_UNITS.iter().copied().find(|u| {
        u.chars()
            .enumerate()
            .all(|(k, c)| chars.get(at + k) == Some(&c))
    })
}

/// The clause around `from..to`, as printed.
fn clause(orig: &[char], norm: &[char], from: usize, to: usize) -> String {
    let mut s = from;
    while s > 0 && !is_delimiter(norm[s - 1]) {
        s -= 1;
    }
    let mut e = to;
    while e < norm.len() && !is_delimiter(norm[e]) {
        e += 1;
    }
    orig[s..e].iter().collect::<String>().trim().to_string()
}

/// Counts of people held accountable, cases filed and leads handed over.
pub fn people(text: &str, norm: &str) -> Vec<PeopleCount> {
    let orig: Vec<char> = text.chars().collect();
    let chars: Vec<char> = norm.chars().collect();
    if orig.len() != chars.len() {
        return Vec::new();
    }
    let mut out: Vec<PeopleCount> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // 给予党纪处分37人（党内警告18人、…）: the parts of a count already counted.
        if chars[i] == '（' && i > 0 && matches!(chars[i - 1], '人' | '件' | '条' | '次') {
            i = chars[i..]
                .iter()
                .position(|c| *c == '）')
                .map_or(chars.len(), |k| i + k + 1);
            continue;
        }
        let Some((word, kind)) = PEOPLE_WORDS.iter().find(|(w, _)| {
            w.chars()
                .enumerate()
                .all(|(k, c)| chars.get(i + k) == Some(&c))
        }) else {
            i += 1;
            continue;
        };
        let len = word.chars().count();
        let end = i + len;
        // The count after the words (给予党纪处分3人, 立案人数238人), else
        // just before them (对3人进行诫勉谈话).
        let after = (end..(end + 5).min(chars.len()))
            .take_while(|&k| !is_delimiter(chars[k]))
            .find_map(|k| number_at(&chars, k).map(|(v, e)| (k, v, e)))
            .and_then(|(k, v, e)| unit_at(&chars, e).map(|u| (k, v, e, u)))
            // 约谈被巡察单位主要负责人3人: whom, then how many people.
            .or_else(|| {
                (end..(end + 14).min(chars.len()))
                    .take_while(|&k| !is_delimiter(chars[k]))
                    .find(|&k| chars[k].is_ascii_digit())
                    .and_then(|k| number_at(&chars, k).map(|(v, e)| (k, v, e)))
                    .and_then(|(k, v, e)| {
                        unit_at(&chars, e)
                            .filter(|u| matches!(*u, "人" | "名" | "人次"))
                            .map(|u| (k, v, e, u))
                    })
            });
        let before = || {
            (i.saturating_sub(8)..i)
                .filter(|&k| k == 0 || !chars[k - 1].is_ascii_digit())
                .find_map(|k| {
                    let (v, e) = number_at(&chars, k)?;
                    let u = unit_at(&chars, e)?;
                    let gap = &chars[e + u.chars().count()..i];
                    (gap.len() <= 4 && !gap.iter().any(|c| is_delimiter(*c)))
                        .then_some((k, v, e, u))
                })
        };
        // 查处 counts people (共查处58人); 查处案件12件 counts cases, said by 立案.
        let found = after
            .or_else(before)
            .filter(|(_, _, _, unit)| *word != "查处" || matches!(*unit, "人" | "名" | "人次"));
        if let Some((k, count, e, unit)) = found {
            let unit_len = unit.chars().count();
            let (from, to) = (k.min(i), (e + unit_len).max(end));
            let label: String = orig[i..end].iter().collect();
            let quote = clause(&orig, &chars, from, to);
            let duplicate = out
                .iter()
                .any(|p| p.kind == *kind && p.label == label && p.quote == quote);
            if !duplicate {
                out.push(PeopleCount {
                    kind: *kind,
                    label,
                    count,
                    unit: orig[e..e + unit_len].iter().collect(),
                    quote,
                });
            }
            i = to.max(end);
            continue;
        }
        i = end;
    }
    out
}

/// Counts of rules made or revised: 制定及修改完善制度12项, 建立健全制度机制8项.
pub fn rules(text: &str, norm: &str) -> Vec<RulesCount> {
    let orig: Vec<char> = text.chars().collect();
    let chars: Vec<char> = norm.chars().collect();
    if orig.len() != chars.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < chars.len() {
        if !(chars[i] == '制' && chars[i + 1] == '度') {
            i += 1;
            continue;
        }
        let mut start = i;
        let mut walked = 0;
        while start > 0 && walked < 10 {
            let c = chars[start - 1];
            if RULE_VERBS.contains(c) || RULE_QUALIFIERS.contains(c) {
                start -= 1;
                walked += 1;
            } else if c == '》' {
                // 健全完善《……议事规则》等规则制度115项: the rule named is passed over.
                let from = start.saturating_sub(40);
                match chars[from..start - 1].iter().rposition(|c| *c == '《') {
                    Some(k) => start = from + k,
                    None => break,
                }
            } else {
                break;
            }
        }
        // Only the verbs before any 《title》 count: 落实各项制度 makes none.
        let verbs: String = chars[start..i]
            .iter()
            .take_while(|c| **c != '《')
            .filter(|c| RULE_VERBS.contains(**c))
            .collect();
        let found = (i + 2..(i + 7).min(chars.len()))
            .take_while(|&k| !is_delimiter(chars[k]))
            .find_map(|k| number_at(&chars, k).map(|(v, e)| (k, v, e)));
        let unit_ok =
            |e: usize| matches!(chars.get(e), Some('项' | '个' | '条' | '件' | '部' | '份'));
        // The count before the words: 出台13个规章制度, 新建5项制度.
        if let Some(found) = count_before_rules(&chars, i, unit_ok) {
            let (start, count) = found;
            out.push(RulesCount {
                count,
                label: orig[start..i + 2].iter().collect(),
                quote: clause(&orig, &chars, start, i + 2),
            });
            i += 2;
            continue;
        }
        match found {
            Some((k, count, e))
                if !verbs
                    .trim_matches(['及', '和', '并', '与', '、'])
                    .is_empty()
                    && unit_ok(e) =>
            {
                out.push(RulesCount {
                    count,
                    label: orig[start..k].iter().collect(),
                    quote: clause(&orig, &chars, start, e + 1),
                });
                i = e + 1;
            }
            _ => i += 2,
        }
    }
    out
}

/// A count printed between the verbs and 制度 at `at` (出台13个规章制度):
/// where the verbs start, and the count.
fn count_before_rules(
    chars: &[char],
    at: usize,
    unit_ok: impl Fn(usize) -> bool,
) -> Option<(usize, u32)> {
    let mut k = at;
    while k > 0 && at - k < 4 && RULE_QUALIFIERS.contains(chars[k - 1]) && chars[k - 1] != '项' {
        k -= 1;
    }
    let unit = k.checked_sub(1).filter(|&u| unit_ok(u))?;
    let mut start = unit;
    while start > 0 && chars[start - 1].is_ascii_digit() {
        start -= 1;
    }
    if start == unit {
        return None;
    }
    let (count, _) = number_at(chars, start)?;
    let mut verbs = start;
    while verbs > 0 && start - verbs < 6 && RULE_VERBS.contains(chars[verbs - 1]) {
        verbs -= 1;
    }
    let words: String = chars[verbs..start].iter().collect();
    (!words
        .trim_matches(['及', '和', '并', '与', '、'])
        .is_empty())
    .then_some((verbs, count))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(s: &str) -> Vec<(Accountability, u32, String)> {
        people(s, s)
            .into_iter()
            .map(|p| (p.kind, p.count, p.unit))
            .collect()
    }

    #[test]
    fn reads_people_by_kind_with_zero_counts_kept() {
        use Accountability::*;
        let s = "给予政务处分0人；组织处理0人；诫勉0人；交由纪委调查1人。在专题民主生活会上批评帮助5人，责令检查1人，批评教育6人，提醒谈话0人。";
        assert_eq!(
            counts(s),
            [
                (GovernmentSanction, 0, "人".into()),
                (OrganisationalHandling, 0, "人".into()),
                (Admonition, 0, "人".into()),
                (Referred, 1, "人".into()),
                (Other, 5, "人".into()),
                (OrderedSelfReview, 1, "人".into()),
                (CriticalEducation, 6, "人".into()),
                (ReminderTalk, 0, "人".into()),
            ]
        );
        assert_eq!(people(s, s)[0].quote, "给予政务处分0人");
    }

    #[test]
    fn reads_cases_leads_and_counts_before_the_words() {
        use Accountability::*;
        let s = "立案3件，移交问题线索7条，问责12人，对2人进行诫勉谈话，给予党纪处分两人。";
        assert_eq!(
            counts(s),
            [
                (CaseFiled, 3, "件".into()),
                (LeadsHandedOver, 7, "条".into()),
                (HeldAccountable, 12, "人".into()),
                (Admonition, 2, "人".into()),
                (PartyDiscipline, 2, "人".into()),
            ]
        );
        assert!(counts("强化问责问效，约谈提醒常态化。").is_empty());
        assert!(counts("查处案件12件。").is_empty());
        assert_eq!(
            counts("给予党纪处分37人（党内警告18人、留党察看2人）；政务处分5人。"),
            [
                (PartyDiscipline, 37, "人".into()),
                (GovernmentSanction, 5, "人".into())
            ]
        );
        assert_eq!(
            counts("约谈被巡察单位主要负责人3人，诫勉谈话5人。"),
            [(ReminderTalk, 3, "人".into()), (Admonition, 5, "人".into())]
        );
        assert_eq!(
            counts("对1人予以记大过处分，给予2人党内警告处分。"),
            [
                (GovernmentSanction, 1, "人".into()),
                (PartyDiscipline, 2, "人".into())
            ]
        );
        assert_eq!(
            counts("党政纪处理24人，移送司法机关8人，共查处58人，其中纪律处分27人。"),
            [
                (PartyOrGovernmentDiscipline, 24, "人".into()),
                (Judiciary, 8, "人".into()),
                (HeldAccountable, 58, "人".into()),
                (PartyDiscipline, 27, "人".into()),
            ]
        );
    }

    #[test]
    fn reads_rules_made_with_their_words() {
        let s = "健全完善《党委会议事规则》等规则制度115项；制定及修改完善制度12项，追缴资金7.132万元；完善和新建制度589项；建立健全制度机制8项；落实制度要求；完善各项制度19项，建立完善规章制度768个，落实各项制度3项；落实《财务制度》等制度2项；出台13个规章制度，执行3项制度。";
        let got: Vec<(u32, String)> = rules(s, s)
            .into_iter()
            .map(|r| (r.count, r.label))
            .collect();
        assert_eq!(
            got,
            [
                (115, "健全完善《党委会议事规则》等规则制度".to_string()),
                (12, "制定及修改完善制度".to_string()),
                (589, "完善和新建制度".to_string()),
                (8, "建立健全制度机制".to_string()),
                (19, "完善各项制度".to_string()),
                (768, "建立完善规章制度".to_string()),
                (13, "出台13个规章制度".to_string()),
            ]
        );
    }
}
