//! Many findings of one code in one file: the first ones shown, the rest counted in one
//! finding.

use std::collections::HashMap;

use crate::model::finding::{Finding, Rule};

/// Findings of one code shown per file; more become one finding that counts them.
pub const REPEATS_SHOWN: usize = 20;

/// Keep the first [`REPEATS_SHOWN`] findings of each code in each file (in the given
/// order, so sort first) and put one finding in place of the rest (two or more) that
/// says how many there are: a file with 100,000 broken links gives a report people and programs can
/// read, at a cost that does not grow with the findings shown.
pub fn limit_repeats(findings: Vec<Finding>) -> Vec<Finding> {
    let mut count: HashMap<(&str, Rule), usize> = HashMap::new();
    let nth: Vec<usize> = findings
        .iter()
        .map(|f| {
            let n = count.entry((f.path.as_str(), f.rule)).or_default();
            *n += 1;
            *n
        })
        .collect();
    // One more is shown as it is: a summary stands for at least two.
    if nth.iter().all(|&n| n <= REPEATS_SHOWN + 1) {
        return findings;
    }
    let total: Vec<usize> = findings
        .iter()
        .map(|f| count[&(f.path.as_str(), f.rule)])
        .collect();
    findings
        .into_iter()
        .zip(nth.into_iter().zip(total))
        .filter_map(|(f, (nth, total))| match nth {
            _ if total <= REPEATS_SHOWN + 1 => Some(f),
            n if n <= REPEATS_SHOWN => Some(f),
            n if n == REPEATS_SHOWN + 1 => {
                let mut summary = Finding::new(
                    f.rule,
                    &f.path,
                    f.pos,
                    format!(
                        "… en nog {} dezelfde meldingen in dit bestand",
                        crate::text::thousands(total - REPEATS_SHOWN)
                    ),
                )
                .help(format!(
                    "hierboven staan de eerste {REPEATS_SHOWN} meldingen `{}`; los ze op en controleer opnieuw",
                    f.rule.code()
                ));
                summary.stands_for = total - REPEATS_SHOWN;
                Some(summary)
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::finding::Pos;

    fn at(rule: Rule, path: &str, line: usize) -> Finding {
        Finding::new(rule, path, Pos::new(line, 1), format!("regel {line}"))
    }

    #[test]
    fn repeats_of_a_code_in_a_file_beyond_twenty_become_one_finding() {
        let mut all: Vec<Finding> = (1..=25).map(|l| at(Rule::BrokenLink, "a.md", l)).collect();
        all.extend((1..=3).map(|l| at(Rule::BrokenLink, "b.md", l)));
        all.extend((1..=21).map(|l| at(Rule::PersonalData, "a.md", l)));
        all.extend((1..=22).map(|l| at(Rule::Jargon, "a.md", l)));
        crate::model::finding::sort(&mut all);
        let kept = limit_repeats(all);
        let of = |rule, path: &str| -> Vec<&Finding> {
            kept.iter()
                .filter(|f| f.rule == rule && f.path == path)
                .collect()
        };
        let links = of(Rule::BrokenLink, "a.md");
        assert_eq!(links.len(), 21);
        assert_eq!(links[19].message, "regel 20");
        assert_eq!(
            links[20].message,
            "… en nog 5 dezelfde meldingen in dit bestand"
        );
        assert_eq!(links[20].pos, Pos::new(21, 1));
        assert_eq!(links[20].severity, Rule::BrokenLink.severity());
        // The totals count every finding, the summed-up ones too.
        assert_eq!(links.iter().map(|f| f.stands_for).sum::<usize>(), 25);
        assert!(links[..20].iter().all(|f| f.stands_for == 1));
        assert_eq!(of(Rule::BrokenLink, "b.md").len(), 3);
        // One more than twenty is shown as it is; a summary stands for two or more.
        let personal = of(Rule::PersonalData, "a.md");
        assert_eq!(personal.len(), 21);
        assert_eq!(personal[20].message, "regel 21");
        let jargon = of(Rule::Jargon, "a.md");
        assert_eq!(jargon.len(), 21);
        assert_eq!(
            jargon[20].message,
            "… en nog 2 dezelfde meldingen in dit bestand"
        );
    }

    #[test]
    fn twenty_one_repeats_stay_as_they_are() {
        let all: Vec<Finding> = (1..=21).map(|l| at(Rule::Jargon, "a.md", l)).collect();
        assert_eq!(limit_repeats(all.clone()), all);
    }
}
