//! `Alias`: a stable name pointing at a function version.

use super::function::{Function, LatestVersion};
use super::version::Version;
use crate::core::construct::Construct;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::Value;
use crate::Result;

/// What an alias points at (aws-cdk-lib's `IVersion`): a published [`Version`], or the
/// function's unpublished `$LATEST` ([`Function::latest_version`]). Both know their
/// function, which the alias then belongs to.
#[derive(Clone)]
pub enum AliasTarget {
    /// A published version.
    Version(Version),
    /// `$LATEST`.
    Latest(LatestVersion),
}

impl AliasTarget {
    /// The function the version belongs to.
    pub fn lambda(&self) -> &Function {
        match self {
            AliasTarget::Version(v) => v.lambda(),
            AliasTarget::Latest(l) => l.lambda(),
        }
    }

    /// The version number (`{"Fn::GetAtt": [version, "Version"]}`) or `"$LATEST"`.
    pub fn version(&self) -> Value {
        match self {
            AliasTarget::Version(v) => v.version(),
            AliasTarget::Latest(l) => l.version(),
        }
    }
}

impl From<Version> for AliasTarget {
    fn from(v: Version) -> Self {
        AliasTarget::Version(v)
    }
}

impl From<&Version> for AliasTarget {
    fn from(v: &Version) -> Self {
        AliasTarget::Version(v.clone())
    }
}

impl From<LatestVersion> for AliasTarget {
    fn from(l: LatestVersion) -> Self {
        AliasTarget::Latest(l)
    }
}

impl From<&LatestVersion> for AliasTarget {
    fn from(l: &LatestVersion) -> Self {
        AliasTarget::Latest(l.clone())
    }
}

/// An `AWS::Lambda::Alias`.
#[derive(Clone)]
pub struct Alias {
    pub(super) base: ResourceBase,
    lambda: Function,
    /// The alias name (`Name`), for the scalable target's resource id.
    pub(super) alias_name: String,
}

resource_construct! {
    Alias {
        /// `{"Ref": <alias>}`: the alias ARN.
        fn alias_arn = Ref;
    }
}

#[lambda_builder::builders]
impl Alias {
    /// An alias `alias_name` pointing at `version`, of that version's function.
    ///
    /// ```
    /// use lambda_core::lambda::{Alias, Code, Function, Runtime};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let f = Function::builder()
    ///     .runtime(Runtime::NODEJS_22_X)
    ///     .handler("index.handler")
    ///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
    ///     .build(&stack, "MyFunction")?;
    /// let live = Alias::builder()
    ///     .alias_name("live")
    ///     .version(f.current_version()?)
    ///     .build(&stack, "LiveAlias")?;
    /// # let _ = live;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The alias name (`Name`).
        #[builder(into)]
        alias_name: String,
        /// The version it points at: a `Version`, or `function.latest_version()`.
        #[builder(into)]
        version: AliasTarget,
        /// `Description` of the alias.
        #[builder(into)]
        description: Option<String>,
        /// Provisioned concurrency of the alias (`ProvisionedConcurrencyConfig`); 0 means none,
        /// as in aws-cdk-lib.
        provisioned_concurrent_executions: Option<u32>,
    ) -> Result<Self> {
        let lambda = version.lambda().clone();
        let mut properties: Vec<(&'static str, Value)> = Vec::new();
        if let Some(d) = description {
            properties.push(("Description", d.into()));
        }
        properties.push(("FunctionName", lambda.function_name()));
        properties.push(("FunctionVersion", version.version()));
        properties.push(("Name", alias_name.as_str().into()));
        if let Some(n) = provisioned_concurrent_executions.filter(|n| *n > 0) {
            properties.push((
                "ProvisionedConcurrencyConfig",
                Value::object([("ProvisionedConcurrentExecutions", Value::from(n))]),
            ));
        }
        let base = ResourceBase::create(
            scope,
            id,
            "aws-cdk-lib.aws_lambda.Alias",
            "AWS::Lambda::Alias",
            properties,
        )?;
        Ok(Alias {
            base,
            lambda,
            alias_name,
        })
    }
}

impl Alias {
    /// The function the alias belongs to (aws-cdk-lib's `alias.lambda`).
    pub fn lambda(&self) -> &Function {
        &self.lambda
    }
}

/// An alias `alias_name` of `version` under `scope`, with construct id `Alias<name>`
/// (aws-cdk-lib's `addAlias` helper, shared by functions and versions).
pub(crate) fn add_alias(
    scope: &dyn Construct,
    version: impl Into<AliasTarget>,
    alias_name: &str,
) -> Result<Alias> {
    Alias::builder()
        .alias_name(alias_name)
        .version(version)
        .build(scope, &format!("Alias{alias_name}"))
}
