//! CodeGuru Profiler profiling groups, as far as a profiled function needs them.

use crate::core::construct::Construct;
use crate::core::element::CfnResource;
use crate::core::logical_id::make_unique_id;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::Value;
use crate::iam::{Grantable, PolicyStatement};
use crate::{Error, Result};

/// What a profiling group profiles (`ComputePlatform`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComputePlatform {
    /// `AWSLambda`: Lambda functions.
    AwsLambda,
    /// `Default`: applications on EC2, containers, on premises.
    Default,
}

impl ComputePlatform {
    /// The CloudFormation value.
    pub fn as_str(self) -> &'static str {
        match self {
            ComputePlatform::AwsLambda => "AWSLambda",
            ComputePlatform::Default => "Default",
        }
    }
}

/// An `AWS::CodeGuruProfiler::ProfilingGroup`. Without a name, it is named after its construct
/// path with aws-cdk-lib's unique-ID rule (`Names.uniqueId`), as aws-cdk-lib names it.
#[derive(Clone)]
pub struct ProfilingGroup {
    base: ResourceBase,
}

resource_construct! {
    ProfilingGroup {
        /// `{"Ref": <group>}`: the profiling group name.
        fn profiling_group_name = Ref;
        /// `{"Fn::GetAtt": [<group>, "Arn"]}`.
        fn profiling_group_arn = GetAtt("Arn");
    }
}

/// Longest generated name (aws-cdk-lib keeps the first and last 120 characters of a longer one).
const MAX_GENERATED_NAME: usize = 240;

#[lambda_builder::builders]
impl ProfilingGroup {
    /// A new profiling group under `scope`.
    ///
    /// ```
    /// use lambda_core::codeguruprofiler::{ComputePlatform, ProfilingGroup};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::new();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let group = ProfilingGroup::builder()
    ///     .compute_platform(ComputePlatform::AwsLambda)
    ///     .build(&stack, "Profiler")?;
    /// # let _ = group.profiling_group_arn();
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// A fixed name; generated from the construct path when unset.
        #[builder(into)]
        profiling_group_name: Option<String>,
        /// What it profiles; CodeGuru's `Default` when unset.
        compute_platform: Option<ComputePlatform>,
    ) -> Result<Self> {
        let app = scope.node().app().clone();
        crate::core::tree::all_or_nothing(&app, move || {
            let node =
                ResourceBase::scope(scope, id, "aws-cdk-lib.aws_codeguruprofiler.ProfilingGroup")?;
            let name = match profiling_group_name {
                Some(name) => name,
                None => {
                    let path = node.path();
                    let components: Vec<&str> = path.split('/').collect();
                    let name = make_unique_id(&components)
                        .map_err(|e| Error::Synth(format!("{path}: {e}")))?;
                    trim_generated_name(name)
                }
            };
            let mut properties = vec![("ProfilingGroupName", Value::from(name))];
            if let Some(platform) = compute_platform {
                properties.push(("ComputePlatform", platform.as_str().into()));
            }
            // aws-cdk-lib names the L1 `ProfilingGroup`, not `Resource`.
            let resource = CfnResource::create(
                &node,
                "ProfilingGroup",
                "AWS::CodeGuruProfiler::ProfilingGroup",
                properties,
            )?;
            Ok(ProfilingGroup {
                base: ResourceBase { node, resource },
            })
        })
    }
}

/// aws-cdk-lib's `generateUniqueId`: the first and last 120 characters of a name over 240.
fn trim_generated_name(name: String) -> String {
    if name.len() <= MAX_GENERATED_NAME {
        return name;
    }
    let half = MAX_GENERATED_NAME / 2;
    format!("{}{}", &name[..half], &name[name.len() - half..])
}

impl ProfilingGroup {
    /// Lets `grantee` send profiles (`codeguru-profiler:ConfigureAgent` and `PostAgentProfile`
    /// on this group), in its identity policy.
    pub fn grant_publish(&self, grantee: &dyn Grantable) -> Result<()> {
        let statement = PolicyStatement::new()
            .actions([
                "codeguru-profiler:ConfigureAgent",
                "codeguru-profiler:PostAgentProfile",
            ])
            .resources([self.profiling_group_arn()]);
        grantee
            .grant_principal()
            .add_to_principal_policy(statement)
            .map(|_| ())
    }

    /// Lets `grantee` read profiles (`codeguru-profiler:GetProfile` and `DescribeProfilingGroup`
    /// on this group), in its identity policy.
    pub fn grant_read(&self, grantee: &dyn Grantable) -> Result<()> {
        let statement = PolicyStatement::new()
            .actions([
                "codeguru-profiler:GetProfile",
                "codeguru-profiler:DescribeProfilingGroup",
            ])
            .resources([self.profiling_group_arn()]);
        grantee
            .grant_principal()
            .add_to_principal_policy(statement)
            .map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_keep_both_ends() {
        let name = "a".repeat(130) + &"b".repeat(130);
        let trimmed = trim_generated_name(name);
        assert_eq!(trimmed.len(), 240);
        assert!(trimmed.starts_with(&"a".repeat(120)) && trimmed.ends_with(&"b".repeat(120)));
    }
}
