//! IAM roles, and the DefaultPolicy a role grows when statements are added to it.

use std::cell::RefCell;
use std::rc::Rc;

use super::managed_policy::ManagedPolicy;
use super::policy_document::PolicyDocument;
use super::statement::{render_document, PolicyStatement, Principal};
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::CfnResource;
use crate::core::resource::{resource_construct, ResourceBase};
use crate::core::tree::NodeKind;
use crate::core::value::{Lazy, Value};
use crate::Result;

#[derive(Default)]
struct RoleState {
    managed_policies: Vec<ManagedPolicy>,
    default_policy: Option<PolicyDocument>,
}

/// An IAM role. Cheap to clone; clones share the same role.
#[derive(Clone)]
pub struct Role {
    base: ResourceBase,
    state: Rc<RefCell<RoleState>>,
}

resource_construct! {
    Role {
        /// `{"Ref": role}`: the role name.
        fn role_name = Ref;
        /// `{"Fn::GetAtt": [role, "Arn"]}`.
        fn role_arn = GetAtt("Arn");
    }
}

#[lambda_builder::builders]
impl Role {
    /// A role that `assumed_by` may assume.
    ///
    /// ```
    /// use lambda_core::iam::{ManagedPolicy, Principal, Role};
    /// use lambda_core::{App, Stack};
    ///
    /// let app = App::from_env();
    /// let stack = Stack::builder().build(&app, "MyStack")?;
    /// let role = Role::builder()
    ///     .assumed_by(Principal::service("lambda.amazonaws.com"))
    ///     .managed_policies(vec![ManagedPolicy::from_aws_managed_policy_name(
    ///         "service-role/AWSLambdaBasicExecutionRole",
    ///     )])
    ///     .build(&stack, "MyRole")?;
    /// # let _ = role;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    ///
    /// `assumed_by` is required: a builder without it does not compile.
    ///
    /// ```compile_fail
    /// # use lambda_core::iam::Role;
    /// # use lambda_core::{App, Stack};
    /// # let app = App::from_env();
    /// # let stack = Stack::builder().build(&app, "MyStack")?;
    /// let role = Role::builder().build(&stack, "MyRole")?;
    /// # Ok::<(), lambda_core::Error>(())
    /// ```
    #[builder(finish_fn = build)]
    pub fn new(
        #[builder(finish_fn)] scope: &dyn Construct,
        #[builder(finish_fn)] id: &str,
        /// The principal allowed to assume the role (its trust policy).
        assumed_by: Principal,
        /// Managed policies attached from the start.
        #[builder(default)]
        managed_policies: Vec<ManagedPolicy>,
        /// `Description` of the role.
        #[builder(into)]
        description: Option<String>,
        /// A fixed physical name (CloudFormation generates one when unset).
        #[builder(into)]
        role_name: Option<String>,
    ) -> Result<Role> {
        let state = Rc::new(RefCell::new(RoleState {
            managed_policies,
            default_policy: None,
        }));
        let mut properties: Vec<(&'static str, Value)> =
            vec![("AssumeRolePolicyDocument", trust_document(assumed_by))];
        if let Some(d) = description {
            properties.push(("Description", d.into()));
        }
        let managed = state.clone();
        properties.push((
            "ManagedPolicyArns",
            Value::Lazy(Lazy::new(move |_| {
                let policies = &managed.borrow().managed_policies;
                Ok((!policies.is_empty())
                    .then(|| Value::List(policies.iter().map(ManagedPolicy::arn).collect())))
            })),
        ));
        if let Some(n) = role_name {
            properties.push(("RoleName", n.into()));
        }
        let base = ResourceBase::create(
            scope,
            id,
            "aws-cdk-lib.aws_iam.Role",
            "AWS::IAM::Role",
            properties,
        )?;
        Ok(Role { base, state })
    }
}

impl Role {
    /// Attaches a managed policy (appended to `ManagedPolicyArns`).
    pub fn add_managed_policy(&self, policy: &ManagedPolicy) {
        self.state
            .borrow_mut()
            .managed_policies
            .push(policy.clone());
    }

    /// Adds a statement to the role's `DefaultPolicy`, creating it on first use.
    pub fn add_to_principal_policy(&self, statement: PolicyStatement) -> Result<()> {
        let existing = self.state.borrow().default_policy.clone();
        let policy = match existing {
            Some(p) => p,
            None => {
                let p = default_policy(&self.base.node, self.role_name())?;
                self.state.borrow_mut().default_policy = Some(p.clone());
                p
            }
        };
        policy.add_statements([statement]);
        Ok(())
    }
}

/// The policy letting `principal` assume a role. Every function's default role trusts
/// `lambda.amazonaws.com`: service documents are rendered once and shared.
fn trust_document(principal: Principal) -> Value {
    let render = |principal: Principal| {
        let trust = PolicyStatement::new()
            .actions(["sts:AssumeRole"])
            .principal(principal);
        Value::shared(render_document(&[trust], false))
    };
    let Principal::Service(service) = principal else {
        return render(principal);
    };
    thread_local! {
        static BY_SERVICE: RefCell<Vec<(String, Value)>> = const { RefCell::new(Vec::new()) };
    }
    BY_SERVICE.with_borrow_mut(|docs| {
        if let Some((_, doc)) = docs.iter().find(|(s, _)| *s == service) {
            return doc.clone();
        }
        let doc = render(Principal::Service(service.clone()));
        docs.push((service, doc.clone()));
        doc
    })
}

/// The inline `AWS::IAM::Policy` (`DefaultPolicy`) that holds statements added to a role.
fn default_policy(role: &ConstructNode, role_ref: Value) -> Result<PolicyDocument> {
    let node = role.add_child(
        "DefaultPolicy",
        NodeKind::Construct,
        "aws-cdk-lib.aws_iam.Policy",
    )?;
    let document = PolicyDocument::new();
    let resource_node = Rc::new(RefCell::new(None));
    let name_node = resource_node.clone();
    let resource = CfnResource::create(
        &node,
        "Resource",
        "AWS::IAM::Policy",
        [
            ("PolicyDocument", document.to_value(&node)),
            (
                "PolicyName",
                Value::Lazy(Lazy::new(move |r| {
                    let id = name_node.borrow().expect("set after creation");
                    Ok(Some(Value::String(r.logical_id(id)?)))
                })),
            ),
            ("Roles", Value::List(vec![role_ref])),
        ],
    )?;
    *resource_node.borrow_mut() = Some(resource.node().id);
    Ok(document)
}
