//! Regional facts of aws-cdk-lib 2.276.0 (its `region-info` module): the regions it knows, and
//! the ARNs of the Lambda extension layers (Lambda Insights, ADOT, Parameters and Secrets) per
//! region. The tables in `data.rs` are extracted from the installed aws-cdk-lib by
//! `tests/oracle/regenerate-region-facts.sh`; the macro (compile time) and the run time both read
//! this one copy.
//!
//! ```
//! use lambda_spec::region_facts::{find_fact, region, region_map};
//!
//! let fact = "cloudwatch-lambda-insights-version:1_0_98_0_x86_64";
//! assert_eq!(
//!     find_fact("us-east-1", fact),
//!     Some("arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:14")
//! );
//! assert_eq!(region_map(fact).len(), 22);
//! assert_eq!(region("cn-north-1").map(|r| r.partition), Some("aws-cn"));
//! ```

#[rustfmt::skip]
mod data;

pub use data::{
    ADOT_VERSIONS, AWS_CDK_LIB_VERSION, INSIGHTS_VERSIONS, PARAMS_AND_SECRETS_VERSIONS, REGIONS,
};

/// A region aws-cdk-lib knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// `us-east-1`...
    pub name: &'static str,
    /// The ARN partition: `aws`, `aws-cn`, `aws-us-gov`...
    pub partition: &'static str,
    /// The domain suffix of its endpoints (`amazonaws.com`, `amazonaws.com.cn`...).
    pub domain_suffix: &'static str,
}

/// One regional fact: its name (`cloudwatch-lambda-insights-version:1_0_98_0_x86_64`) and its
/// value in each region that has one, in region order.
#[derive(Clone, Copy, Debug)]
pub struct Fact {
    /// aws-cdk-lib's fact name.
    pub name: &'static str,
    /// `(region, value)` pairs in [`REGIONS`] order.
    pub values: &'static [(&'static str, &'static str)],
}

/// The region named `name`, if aws-cdk-lib knows it.
pub fn region(name: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.name == name)
}

/// The value of fact `name` in `region` (aws-cdk-lib's `Fact.find`), if there is one.
pub fn find_fact(region: &str, name: &str) -> Option<&'static str> {
    region_map(name)
        .iter()
        .find(|(r, _)| *r == region)
        .map(|(_, v)| *v)
}

/// Every region's value of fact `name`, in region order (aws-cdk-lib's `RegionInfo.regionMap`);
/// empty for an unknown fact.
pub fn region_map(name: &str) -> &'static [(&'static str, &'static str)] {
    data::FACTS
        .binary_search_by(|f| f.name.cmp(name))
        .map_or(&[], |i| data::FACTS[i].values)
}

/// The partition of a region (aws-cdk-lib's `partitionInformation(region).partition`): the known
/// region's, else `aws`.
pub fn partition_of(region: &str) -> &'static str {
    self::region(region).map_or("aws", |r| r.partition)
}

/// The domain suffix of a region, `amazonaws.com` for a region aws-cdk-lib does not know.
pub fn domain_suffix_of(region: &str) -> &'static str {
    self::region(region).map_or("amazonaws.com", |r| r.domain_suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_sorted_for_binary_search() {
        assert!(data::FACTS.windows(2).all(|w| w[0].name < w[1].name));
    }

    #[test]
    fn values_follow_region_order() {
        let index = |name: &str| REGIONS.iter().position(|r| r.name == name).unwrap();
        for fact in data::FACTS {
            let order: Vec<usize> = fact.values.iter().map(|(r, _)| index(r)).collect();
            assert!(order.windows(2).all(|w| w[0] < w[1]), "{}", fact.name);
        }
    }

    #[test]
    fn unknown_facts_and_regions() {
        assert!(region_map("no-such-fact").is_empty());
        assert_eq!(
            find_fact("xx-nowhere-1", "params-and-secrets-layer:1_0_103_arm64"),
            None
        );
        assert_eq!(partition_of("xx-nowhere-1"), "aws");
        assert_eq!(domain_suffix_of("cn-north-1"), "amazonaws.com.cn");
    }
}
