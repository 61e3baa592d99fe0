//! References between the figures of a report: `target` and `overlaps` name
//! an existing figure of the right role, not the figure itself, and never go
//! round in a cycle.

use std::collections::HashMap;

use super::{Issue, did_you_mean, figure_path, join, key};
use crate::jsonpos::{self, Segment};
use crate::model::{Figure, FigureRef, Role};

/// A figure that overlaps itself, or figures that overlap each other round a
/// cycle, would all be left out of the totals as overlapping; a target that
/// is its own target measures nothing. Each figure has at most one reference
/// of each kind, so every chain is followed once: linear in the figures.
pub(super) fn check_reference_cycles(
    r: usize,
    ids: &HashMap<&str, FigureRef<'_>>,
    issues: &mut Vec<Issue>,
) {
    type Next = for<'f> fn(&'f Figure) -> Option<&'f str>;
    let fields: [(&str, Next); 2] = [
        ("target", |f| f.target.as_deref()),
        ("overlaps", |f| f.overlaps.as_deref()),
    ];
    let mut starts: Vec<&str> = ids.keys().copied().collect();
    starts.sort_unstable();
    for (field, next) in fields {
        // Absent: not seen; false: on the chain being followed; true: done.
        let mut done: HashMap<&str, bool> = HashMap::new();
        for &start in &starts {
            let mut chain: Vec<&str> = Vec::new();
            let mut at = Some(start);
            while let Some(id) = at {
                match done.get(id) {
                    Some(true) => break,
                    Some(false) => {
                        let from = chain.iter().position(|c| *c == id).unwrap_or(0);
                        let cycle = &chain[from..];
                        // A figure naming itself is reported with its reference.
                        if cycle.len() > 1 {
                            report_cycle(r, field, cycle, ids, issues);
                        }
                        break;
                    }
                    None => {}
                }
                // An id of no figure is reported with its reference.
                let Some(f) = ids.get(id) else { break };
                done.insert(id, false);
                chain.push(id);
                at = next(f.figure);
            }
            for id in chain {
                done.insert(id, true);
            }
        }
    }
}

fn report_cycle(
    r: usize,
    field: &str,
    cycle: &[&str],
    ids: &HashMap<&str, FigureRef<'_>>,
    issues: &mut Vec<Issue>,
) {
    let Some(first) = ids.get(cycle[0]) else {
        return;
    };
    let mut round: Vec<String> = cycle.iter().map(|id| format!("'{id}'")).collect();
    round.push(format!("'{}'", cycle[0]));
    issues.push(
        Issue::error(
            join(&figure_path(r, first), [key(field)]),
            format!(
                "{field} references go round in a cycle: {}",
                round.join(" → ")
            ),
        )
        .hint(match field {
            "overlaps" => {
                "overlaps names the larger figure this one is part of; the largest names none"
            }
            _ => "target names a figure with role 'target' that has no target of its own",
        }),
    );
}

pub(super) fn check_references(
    r: usize,
    path: &dyn Fn() -> Vec<Segment>,
    figure: &Figure,
    ids: &HashMap<&str, FigureRef<'_>>,
    issues: &mut Vec<Issue>,
) {
    let refs = [("target", &figure.target), ("overlaps", &figure.overlaps)];
    for (field, reference) in refs {
        let Some(id) = reference.as_deref() else {
            continue;
        };
        match ids.get(id) {
            None => {
                let mut issue = Issue::error(
                    join(&path(), [key(field)]),
                    format!("{field} '{id}' is not the id of any figure in this report"),
                );
                if let Some(near) = did_you_mean(id, ids.keys().copied()) {
                    issue = issue.hint(format!("did you mean '{near}'?"));
                }
                issues.push(issue);
            }
            Some(_) if figure.id.as_deref() == Some(id) => issues.push(
                Issue::error(
                    join(&path(), [key(field)]),
                    format!("{field} '{id}' is the figure itself"),
                )
                .hint(match field {
                    "overlaps" => "a figure that overlaps itself would drop out of the totals; name the larger figure it is part of, or remove overlaps",
                    _ => "name the figure with role 'target' this one is measured against",
                }),
            ),
            Some(target) if field == "target" && target.figure.role != Role::Target => issues.push(
                Issue::error(
                    join(&path(), [key(field)]),
                    format!(
                        "target '{id}' is a figure with role '{}', not 'target'",
                        role_name(target.figure.role)
                    ),
                )
                .hint(format!(
                    "set \"role\": \"target\" at {}, or refer to a target",
                    jsonpos::display(&figure_path(r, target))
                )),
            ),
            Some(_) => {}
        }
    }
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Achieved => "achieved",
        Role::Target => "target",
        Role::Forecast => "forecast",
        Role::Planned => "planned",
        Role::Rate => "rate",
        Role::Change => "change",
    }
}
