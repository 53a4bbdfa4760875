//! The regional facts in `lambda_spec::region_facts` (generated from the installed aws-cdk-lib by
//! `tests/oracle/regenerate-region-facts.sh`) against the reference dumps of aws-cdk-lib 2.276.0
//! kept beside this test: every Lambda Insights ARN per version, architecture and region, and
//! every region's partition and domain suffix.

use lambda_spec::region_facts::{region_map, INSIGHTS_VERSIONS, REGIONS};

const INSIGHTS_JSON: &str = include_str!("data/insights-layer-arns-2.276.0.json");
const REGIONS_JSON: &str = include_str!("data/regions-2.276.0.json");

/// The reference dump's `"key": "value"` pair on `line`, if it holds one.
fn pair(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.trim().trim_end_matches(',').split_once(": ")?;
    Some((key.trim_matches('"'), value.trim_matches('"')))
}

/// `{fact: {region: arn}}` of the insights dump, in its order.
fn insights_reference() -> Vec<(String, Vec<(String, String)>)> {
    let mut facts: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in INSIGHTS_JSON.lines() {
        if line.ends_with('{') && line.starts_with(" \"") {
            let name = line.trim().trim_end_matches(": {").trim_matches('"');
            facts.push((name.to_owned(), Vec::new()));
        } else if let (Some((region, arn)), Some(last)) = (pair(line), facts.last_mut()) {
            last.1.push((region.to_owned(), arn.to_owned()));
        }
    }
    facts
}

#[test]
fn insights_arns_equal_the_reference() {
    let reference = insights_reference();
    assert_eq!(reference.len(), 28, "facts in the dump");
    for (name, values) in &reference {
        let ours: Vec<(String, String)> = region_map(name)
            .iter()
            .map(|(r, v)| ((*r).to_owned(), (*v).to_owned()))
            .collect();
        assert_eq!(&ours, values, "{name}");
    }
    // Every version named has an x86_64 table in the dump, and nothing else is in it.
    for version in INSIGHTS_VERSIONS {
        let name = format!(
            "cloudwatch-lambda-insights-version:{}_x86_64",
            version.replace('.', "_")
        );
        assert!(reference.iter().any(|(n, _)| *n == name), "{name}");
    }
    let arm64 = reference
        .iter()
        .filter(|(n, _)| n.ends_with("_arm64"))
        .count();
    assert_eq!(reference.len(), INSIGHTS_VERSIONS.len() + arm64);
}

#[test]
fn regions_equal_the_reference() {
    let mut reference: Vec<(String, String, String)> = Vec::new();
    for line in REGIONS_JSON.lines() {
        match pair(line) {
            Some(("name", v)) => reference.push((v.to_owned(), String::new(), String::new())),
            Some(("partition", v)) => reference.last_mut().unwrap().1 = v.to_owned(),
            Some(("domainSuffix", v)) => reference.last_mut().unwrap().2 = v.to_owned(),
            _ => {}
        }
    }
    let ours: Vec<(String, String, String)> = REGIONS
        .iter()
        .map(|r| (r.name.into(), r.partition.into(), r.domain_suffix.into()))
        .collect();
    assert_eq!(ours, reference);
}
