//! `FunctionUrl`: an HTTPS endpoint of a function or an alias (`AWS::Lambda::Url`), with the
//! public permissions aws-cdk-lib adds when it needs no authentication.

use std::time::Duration;

use super::alias::Alias;
use super::function::Function;
use super::invocable::Invocable;
use super::permission::{FunctionUrlAuthType, Permission};
use super::version::Version;
use crate::core::construct::Construct;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::value::Value;
use crate::iam::{Grant, Grantable, Principal};
use crate::{Error, Result};

/// The longest CORS `MaxAge` CloudFormation accepts, in seconds (one day).
pub const MAX_CORS_MAX_AGE_SECONDS: u64 = lambda_spec::FUNCTION_URL_MAX_CORS_MAX_AGE_SECONDS;

/// How Lambda invokes the function behind a URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvokeMode {
    /// The response is returned when complete, up to 6 MB (`BUFFERED`, Lambda's default).
    Buffered,
    /// The response streams as it is produced, up to 20 MB (`RESPONSE_STREAM`).
    ResponseStream,
}

impl InvokeMode {
    /// The CloudFormation value: `BUFFERED` or `RESPONSE_STREAM`.
    pub fn as_str(self) -> &'static str {
        match self {
            InvokeMode::Buffered => "BUFFERED",
            InvokeMode::ResponseStream => "RESPONSE_STREAM",
        }
    }
}

/// An HTTP method a CORS origin may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HttpMethod {
    /// `GET`.
    Get,
    /// `PUT`.
    Put,
    /// `HEAD`.
    Head,
    /// `POST`.
    Post,
    /// `DELETE`.
    Delete,
    /// `PATCH`.
    Patch,
    /// `OPTIONS`.
    Options,
    /// Every method (`*`), the default.
    All,
}

impl HttpMethod {
    /// The CloudFormation value (`GET`, ..., `*`).
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Put => "PUT",
            HttpMethod::Head => "HEAD",
            HttpMethod::Post => "POST",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Options => "OPTIONS",
            HttpMethod::All => "*",
        }
    }
}

/// Cross-origin resource sharing of a function URL (aws-cdk-lib's `FunctionUrlCorsOptions`).
///
/// ```
/// # use lambda_core::lambda::{FunctionUrlCorsOptions, HttpMethod};
/// let cors = FunctionUrlCorsOptions {
///     allowed_origins: Some(vec!["https://example.com".into()]),
///     allowed_methods: Some(vec![HttpMethod::Get]),
///     ..Default::default()
/// };
/// # let _ = cors;
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FunctionUrlCorsOptions {
    /// Whether cookies and other credentials may be sent (`AllowCredentials`).
    pub allow_credentials: Option<bool>,
    /// Request headers allowed (`AllowHeaders`); none when unset.
    pub allowed_headers: Option<Vec<String>>,
    /// Methods allowed (`AllowMethods`); every method (`["*"]`) when unset.
    pub allowed_methods: Option<Vec<HttpMethod>>,
    /// Origins allowed (`AllowOrigins`); none when unset.
    pub allowed_origins: Option<Vec<String>>,
    /// Response headers the browser may read (`ExposeHeaders`); none when unset.
    pub exposed_headers: Option<Vec<String>>,
    /// How long a browser caches the preflight response (`MaxAge`, whole seconds, at most one
    /// day); the browser's default (5 s) when unset.
    pub max_age: Option<Duration>,
}

/// What a URL points at: a function or an alias (aws-cdk-lib's `IFunction`). A [`Version`]
/// converts too, so that it is refused with aws-cdk-lib's error, as there.
#[derive(Clone)]
pub enum FunctionUrlTarget {
    /// The unqualified function.
    Function(Function),
    /// An alias: the URL names the alias as its `Qualifier`.
    Alias(Alias),
    /// A version: refused (`FunctionUrlCannotVersion`).
    Version(Version),
}

impl FunctionUrlTarget {
    /// The target as a handle permissions and grants are made on.
    fn invocable(&self) -> &dyn Invocable {
        match self {
            FunctionUrlTarget::Function(f) => f,
            FunctionUrlTarget::Alias(a) => a,
            FunctionUrlTarget::Version(v) => v,
        }
    }
}

impl From<&Function> for FunctionUrlTarget {
    fn from(f: &Function) -> Self {
        FunctionUrlTarget::Function(f.clone())
    }
}

impl From<&Alias> for FunctionUrlTarget {
    fn from(a: &Alias) -> Self {
        FunctionUrlTarget::Alias(a.clone())
    }
}

impl From<&Version> for FunctionUrlTarget {
    fn from(v: &Version) -> Self {
        FunctionUrlTarget::Version(v.clone())
    }
}

/// An `AWS::Lambda::Url`: a dedicated HTTPS endpoint of a function or an alias.
#[derive(Clone)]
pub struct FunctionUrl {
    base: ResourceBase,
    target: FunctionUrlTarget,
    auth_type: FunctionUrlAuthType,
}

resource_construct! {
    FunctionUrl {
        /// `{"Fn::GetAtt": [<url>, "FunctionUrl"]}`: the HTTPS URL, e.g. for a `CfnOutput`.
        fn url = GetAtt("FunctionUrl");
        /// `{"Fn::GetAtt": [<url>, "FunctionArn"]}`: the ARN of the function it invokes.
        fn function_arn = GetAtt("FunctionArn");
    }
}

#[lambda_builder::builders]
impl FunctionUrl {
    /// A URL of `function` under `scope` (usually made with `add_function_url`). With
    /// [`FunctionUrlAuthType::None`] anyone may call it: the two public permissions
    /// `invoke-function-url` and `invoke-function` are added to the target, as aws-cdk-lib does.
    ///
    /// ```
    /// use lambda_core::lambda::{Code, Function, FunctionUrl, FunctionUrlAuthType, Runtime};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let f = Function::builder()
    ///     .runtime(Runtime::NODEJS_22_X)
    ///     .handler("index.handler")
    ///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
    ///     .build(&stack, "MyFunction")?;
    /// let url = FunctionUrl::builder()
    ///     .function(&f)
    ///     .auth_type(FunctionUrlAuthType::None)
    ///     .build(&f, "FunctionUrl")?;
    /// # let _ = url.url();
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The function or alias the URL invokes (not a version).
        #[builder(into)]
        function: FunctionUrlTarget,
        /// Who may call it: IAM-signed requests (the default) or anyone.
        #[builder(default = FunctionUrlAuthType::AwsIam)]
        auth_type: FunctionUrlAuthType,
        /// Cross-origin resource sharing; none when unset.
        cors: Option<FunctionUrlCorsOptions>,
        /// Buffered or streamed responses; not written when unset (Lambda buffers).
        invoke_mode: Option<InvokeMode>,
    ) -> Result<Self> {
        let path = format!("{}/{id}", scope.node().path());
        let (target_function, alias) = match &function {
            FunctionUrlTarget::Function(f) => (f.clone(), None),
            FunctionUrlTarget::Alias(a) => (a.lambda().clone(), Some(a.clone())),
            FunctionUrlTarget::Version(_) => {
                return Err(Error::validation(
                    "FunctionUrlCannotVersion",
                    "FunctionUrl cannot be used with a Version",
                    path,
                ))
            }
        };
        let mut properties: Vec<(&'static str, Value)> = Vec::new();
        properties.push((prop::AUTH_TYPE, auth_type.as_str().into()));
        if let Some(cors) = &cors {
            properties.push((prop::CORS, render_cors(cors, &path)?));
        }
        if let Some(mode) = invoke_mode {
            properties.push((prop::INVOKE_MODE, mode.as_str().into()));
        }
        if let Some(a) = &alias {
            properties.push((prop::QUALIFIER, alias_name(a)));
        }
        properties.push((prop::TARGET_FUNCTION_ARN, target_function.function_arn()));
        let base = ResourceBase::create(
            scope,
            id,
            "aws-cdk-lib.aws_lambda.FunctionUrl",
            "AWS::Lambda::Url",
            properties,
        )?;
        // The alias name is a literal, so nothing orders the URL after the alias: say it.
        if let Some(a) = &alias {
            base.resource.node().add_dependency(a.cfn_resource());
        }
        if auth_type == FunctionUrlAuthType::None {
            let target = function.invocable();
            target.add_permission(
                "invoke-function-url",
                Permission {
                    action: Some("lambda:InvokeFunctionUrl".into()),
                    function_url_auth_type: Some(auth_type),
                    ..Permission::new(any_principal())
                },
            )?;
            target.add_permission(
                "invoke-function",
                Permission {
                    action: Some("lambda:InvokeFunction".into()),
                    invoked_via_function_url: Some(true),
                    ..Permission::new(any_principal())
                },
            )?;
        }
        Ok(FunctionUrl {
            base,
            target: function,
            auth_type,
        })
    }
}

impl FunctionUrl {
    /// How callers authenticate.
    pub fn auth_type(&self) -> FunctionUrlAuthType {
        self.auth_type
    }

    /// Lets `grantee` call this URL with IAM authentication (the target's
    /// [`Invocable::grant_invoke_url`]).
    pub fn grant_invoke_url(&self, grantee: &dyn Grantable) -> Result<Grant> {
        self.target.invocable().grant_invoke_url(grantee)
    }
}

/// aws-cdk-lib's `AnyPrincipal`: `*`.
fn any_principal() -> Principal {
    Principal::Arn("*".into())
}

/// The alias's `Name` property.
fn alias_name(alias: &Alias) -> Value {
    alias
        .cfn_resource()
        .with(|e| e.properties.get("Name").cloned())
        .unwrap_or_else(|| Value::from(""))
}

/// The `Cors` property, with aws-cdk-lib's check of `max_age`.
fn render_cors(cors: &FunctionUrlCorsOptions, path: &str) -> Result<Value> {
    let max_age = cors
        .max_age
        .map(lambda_spec::validate_function_url_max_age)
        .transpose()
        .map_err(|e| Error::spec(e, path))?;
    let strings = |v: &[String]| Value::List(v.iter().map(|s| Value::from(s.as_str())).collect());
    let mut fields: Vec<(String, Value)> = Vec::new();
    if let Some(c) = cors.allow_credentials {
        fields.push((prop::ALLOW_CREDENTIALS.into(), c.into()));
    }
    if let Some(h) = &cors.allowed_headers {
        fields.push((prop::ALLOW_HEADERS.into(), strings(h)));
    }
    let methods = cors
        .allowed_methods
        .clone()
        .unwrap_or_else(|| vec![HttpMethod::All]);
    fields.push((
        prop::ALLOW_METHODS.into(),
        Value::List(methods.iter().map(|m| Value::from(m.as_str())).collect()),
    ));
    if let Some(o) = &cors.allowed_origins {
        fields.push((prop::ALLOW_ORIGINS.into(), strings(o)));
    }
    if let Some(h) = &cors.exposed_headers {
        fields.push((prop::EXPOSE_HEADERS.into(), strings(h)));
    }
    if let Some(s) = max_age {
        fields.push((prop::MAX_AGE.into(), s.into()));
    }
    Ok(Value::object(fields))
}

/// The `AWS::Lambda::Url` property names, written once.
mod prop {
    pub(super) const AUTH_TYPE: &str = "AuthType";
    pub(super) const CORS: &str = "Cors";
    pub(super) const INVOKE_MODE: &str = "InvokeMode";
    pub(super) const QUALIFIER: &str = "Qualifier";
    pub(super) const TARGET_FUNCTION_ARN: &str = "TargetFunctionArn";
    pub(super) const ALLOW_CREDENTIALS: &str = "AllowCredentials";
    pub(super) const ALLOW_HEADERS: &str = "AllowHeaders";
    pub(super) const ALLOW_METHODS: &str = "AllowMethods";
    pub(super) const ALLOW_ORIGINS: &str = "AllowOrigins";
    pub(super) const EXPOSE_HEADERS: &str = "ExposeHeaders";
    pub(super) const MAX_AGE: &str = "MaxAge";
}

#[lambda_builder::builders]
impl Function {
    /// Adds a URL to this function: construct `FunctionUrl` under it (aws-cdk-lib's
    /// `addFunctionUrl`); a second one fails, as there.
    ///
    /// ```
    /// use lambda_core::lambda::{Code, Function, FunctionUrlAuthType, InvokeMode, Runtime};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let f = Function::builder()
    ///     .runtime(Runtime::NODEJS_22_X)
    ///     .handler("index.handler")
    ///     .code(Code::from_inline("exports.handler = async () => 'hi';"))
    ///     .build(&stack, "MyFunction")?;
    /// let url = f
    ///     .add_function_url()
    ///     .auth_type(FunctionUrlAuthType::None)
    ///     .invoke_mode(InvokeMode::ResponseStream)
    ///     .build()?;
    /// # let _ = url.url();
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn add_function_url(
        &self,
        /// Who may call it: IAM-signed requests (the default) or anyone.
        auth_type: Option<FunctionUrlAuthType>,
        /// Cross-origin resource sharing; none when unset.
        cors: Option<FunctionUrlCorsOptions>,
        /// Buffered or streamed responses; not written when unset.
        invoke_mode: Option<InvokeMode>,
    ) -> Result<FunctionUrl> {
        FunctionUrl::builder()
            .function(self)
            .maybe_auth_type(auth_type)
            .maybe_cors(cors)
            .maybe_invoke_mode(invoke_mode)
            .build(self, "FunctionUrl")
    }
}

#[lambda_builder::builders]
impl Alias {
    /// Adds a URL to this alias: construct `FunctionUrl` under it, with the alias name as
    /// `Qualifier` and a dependency on the alias (aws-cdk-lib's `addFunctionUrl`).
    #[builder(finish_fn = build)]
    pub fn add_function_url(
        &self,
        /// Who may call it: IAM-signed requests (the default) or anyone.
        auth_type: Option<FunctionUrlAuthType>,
        /// Cross-origin resource sharing; none when unset.
        cors: Option<FunctionUrlCorsOptions>,
        /// Buffered or streamed responses; not written when unset.
        invoke_mode: Option<InvokeMode>,
    ) -> Result<FunctionUrl> {
        FunctionUrl::builder()
            .function(self)
            .maybe_auth_type(auth_type)
            .maybe_cors(cors)
            .maybe_invoke_mode(invoke_mode)
            .build(self, "FunctionUrl")
    }
}
