//! The plumbing every L2 resource shares, written once: its construct node, the L1
//! `Resource` child under it, the `Construct` impl and the `Ref`/`Fn::GetAtt` accessors.
//!
//! An L2 construct is then a struct with a `base: ResourceBase` field, a typestate builder
//! (`#[lambda_builder::builders]`) that checks its props and lists its CloudFormation
//! properties, and one
//! [`resource_construct!`](crate::core::resource::resource_construct) call (see `CONTRIBUTING.md`).

use std::borrow::Cow;

use super::construct::{Construct, ConstructNode};
use super::element::CfnResource;
use super::tree::NodeKind;
use super::value::Value;
use crate::Result;

/// The construct node of an L2 resource and its L1 `Resource` child.
#[derive(Clone)]
pub(crate) struct ResourceBase {
    pub(crate) node: ConstructNode,
    pub(crate) resource: CfnResource,
}

impl ResourceBase {
    /// Adds the construct `id` of aws-cdk-lib class `fqn` (`aws-cdk-lib.aws_iam.Role`) under
    /// `scope`, before its resource: some props (code, log groups) bind to it first.
    pub(crate) fn scope(
        scope: &dyn Construct,
        id: &str,
        fqn: &'static str,
    ) -> Result<ConstructNode> {
        scope.node().add_child(id, NodeKind::Construct, fqn)
    }

    /// Adds the L1 `Resource` of CloudFormation type `type_name` under `node`.
    pub(crate) fn new(
        node: ConstructNode,
        type_name: &'static str,
        properties: impl IntoIterator<Item = (impl Into<Cow<'static, str>>, Value)>,
    ) -> Result<Self> {
        let resource = CfnResource::create(&node, "Resource", type_name, properties)?;
        Ok(ResourceBase { node, resource })
    }

    /// Both steps at once, for resources whose props need no node.
    pub(crate) fn create(
        scope: &dyn Construct,
        id: &str,
        fqn: &'static str,
        type_name: &'static str,
        properties: impl IntoIterator<Item = (impl Into<Cow<'static, str>>, Value)>,
    ) -> Result<Self> {
        // All or nothing: the resource fails (outside a stack) after its construct was added.
        let app = scope.node().app().clone();
        super::tree::all_or_nothing(&app, || {
            let node = Self::scope(scope, id, fqn)?;
            Self::new(node, type_name, properties)
        })
    }
}

/// Implements `Construct`, `cfn_resource()` and the attribute accessors of an L2 resource
/// struct that holds a `base: ResourceBase` field:
///
/// ```ignore
/// resource_construct! {
///     Queue {
///         /// `{"Ref": <queue>}`: the queue URL.
///         fn queue_url = Ref;
///         /// `{"Fn::GetAtt": [<queue>, "Arn"]}`.
///         fn queue_arn = GetAtt("Arn");
///     }
/// }
/// ```
macro_rules! resource_construct {
    ($ty:ident { $( $(#[$doc:meta])* fn $name:ident = $kind:ident $(($attr:literal))? ; )* }) => {
        impl $crate::core::construct::Construct for $ty {
            fn node(&self) -> $crate::core::construct::ConstructNode {
                self.base.node.clone()
            }
        }

        impl $ty {
            /// The L1 CloudFormation resource under this construct (aws-cdk-lib's
            /// `node.defaultChild`), for overrides.
            pub fn cfn_resource(&self) -> &$crate::core::element::CfnResource {
                &self.base.resource
            }

            $(
                $(#[$doc])*
                pub fn $name(&self) -> $crate::core::value::Value {
                    $crate::core::resource::resource_construct!(@attr self $kind $(($attr))?)
                }
            )*
        }
    };
    (@attr $self:ident Ref) => {
        $self.base.resource.ref_value()
    };
    (@attr $self:ident GetAtt($attr:literal)) => {
        $self.base.resource.get_att($attr)
    };
}

pub(crate) use resource_construct;
