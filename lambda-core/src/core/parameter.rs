//! Template parameters and outputs.

use super::construct::{Construct, ConstructNode};
use super::element::{add_element, Section};
use super::value::{ElementRef, Target, Value};
use crate::{Error, Result};

/// A template parameter (`Parameters` section): a value given at deploy time.
#[derive(Clone)]
pub struct CfnParameter {
    node: ConstructNode,
}

impl Construct for CfnParameter {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

#[lambda_builder::builders]
impl CfnParameter {
    /// A parameter named after its logical ID; its members are written in aws-cdk-lib's order.
    ///
    /// ```
    /// use lambda_core::{App, CfnParameter, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let stage = CfnParameter::builder()
    ///     .default("dev")
    ///     .allowed_values(vec!["dev".into(), "prod".into()])
    ///     .build(&stack, "Stage")?;
    /// # let _ = stage.value();
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The CloudFormation type (aws-cdk-lib's `type`): `String` when unset, `Number`,
        /// `List<Number>`, `AWS::EC2::VPC::Id`...
        #[builder(into, default = String::from("String"))]
        type_name: String,
        /// The value used when none is given at deploy time.
        #[builder(into)]
        default: Option<Value>,
        /// A regular expression the value must match (`String` types).
        #[builder(into)]
        allowed_pattern: Option<String>,
        /// The only values allowed.
        allowed_values: Option<Vec<String>>,
        /// What the console shows when a constraint is broken.
        #[builder(into)]
        constraint_description: Option<String>,
        /// `Description` (up to 4000 characters).
        #[builder(into)]
        description: Option<String>,
        /// Longest value allowed (`String` types).
        max_length: Option<u32>,
        /// Largest value allowed (`Number` types).
        max_value: Option<f64>,
        /// Shortest value allowed (`String` types).
        min_length: Option<u32>,
        /// Smallest value allowed (`Number` types).
        min_value: Option<f64>,
        /// Masks the value in the console and API (written only when set).
        no_echo: Option<bool>,
    ) -> Result<Self> {
        let mut body: Vec<(String, Value)> = vec![("Type".into(), type_name.into())];
        let mut push = |key: &str, value: Option<Value>| {
            if let Some(v) = value {
                body.push((key.to_owned(), v));
            }
        };
        push("Default", default);
        push("AllowedPattern", allowed_pattern.map(Value::from));
        push(
            "AllowedValues",
            allowed_values.map(|v| Value::list(v.into_iter().map(Value::from))),
        );
        push(
            "ConstraintDescription",
            constraint_description.map(Value::from),
        );
        push("Description", description.map(Value::from));
        push("MaxLength", max_length.map(Value::from));
        push("MaxValue", max_value.and_then(js_number));
        push("MinLength", min_length.map(Value::from));
        push("MinValue", min_value.and_then(js_number));
        push("NoEcho", no_echo.map(Value::from));
        let node = add_element(
            scope,
            id,
            Section::Parameters,
            body,
            "aws-cdk-lib.CfnParameter",
        )?;
        Ok(CfnParameter { node })
    }
}

/// A number as JavaScript writes it: integral values without a fraction (`5`, not `5.0`).
fn js_number(n: f64) -> Option<Value> {
    if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
        // Exact: integral and within JavaScript's safe integer range.
        return Some(Value::from(n as i64));
    }
    serde_json::Number::from_f64(n).map(Value::Number)
}

impl CfnParameter {
    /// `{"Ref": <parameter>}`: its value at deploy time.
    pub fn value(&self) -> Value {
        Value::Ref(Target::Element(ElementRef(self.node.id)))
    }
}

/// A stack output (`Outputs` section).
#[derive(Clone)]
pub struct CfnOutput {
    node: ConstructNode,
}

impl Construct for CfnOutput {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

/// Longest export name CloudFormation accepts.
const MAX_EXPORT_NAME: usize = 255;

#[lambda_builder::builders]
impl CfnOutput {
    /// An output named after its logical ID.
    ///
    /// ```
    /// use lambda_core::{App, CfnOutput, Stack, Value};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// CfnOutput::builder()
    ///     .value(Value::sub("${AWS::Region}"))
    ///     .description("where it runs")
    ///     .export_name("MyStack-Region")
    ///     .build(&stack, "Region")?;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The value shown (and exported).
        #[builder(into)]
        value: Value,
        /// `Description` of the output.
        #[builder(into)]
        description: Option<String>,
        /// Exports the value under this name, for `Fn::ImportValue` in other stacks
        /// (at most 255 characters).
        #[builder(into)]
        export_name: Option<Value>,
        /// The logical ID of a template condition; the output exists only when it holds.
        #[builder(into)]
        condition: Option<String>,
    ) -> Result<Self> {
        if let Some(name) = export_name.as_ref().and_then(Value::as_literal_str) {
            let length = name.encode_utf16().count();
            if length > MAX_EXPORT_NAME {
                let path = format!("{}/{id}", scope.node().path());
                return Err(Error::validation(
                    "ExportNameTooLong",
                    format!("Export name cannot exceed 255 characters (got {length} characters)"),
                    path.trim_start_matches('/'),
                ));
            }
        }
        let mut body = Vec::new();
        if let Some(d) = description {
            body.push(("Description".to_owned(), Value::from(d)));
        }
        body.push(("Value".to_owned(), value));
        if let Some(name) = export_name {
            body.push(("Export".to_owned(), Value::object([("Name", name)])));
        }
        if let Some(c) = condition {
            body.push(("Condition".to_owned(), Value::from(c)));
        }
        let node = add_element(scope, id, Section::Outputs, body, "aws-cdk-lib.CfnOutput")?;
        Ok(CfnOutput { node })
    }
}
