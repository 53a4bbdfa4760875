//! IAM roles, and the DefaultPolicy a role grows when statements are added to it.

use std::cell::RefCell;
use std::rc::Rc;

use super::managed_policy::ManagedPolicy;
use super::statement::{render_document, PolicyStatement, Principal};
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::CfnResource;
use crate::core::flags::MINIMIZE_POLICIES;
use crate::core::tree::NodeKind;
use crate::core::value::{Lazy, Value};
use crate::Result;

/// Optional settings of a [`Role`].
#[derive(Clone, Debug, Default)]
pub struct RoleProps {
    /// Managed policies attached from the start.
    pub managed_policies: Vec<ManagedPolicy>,
    /// `Description` of the role.
    pub description: Option<String>,
    /// A fixed physical name (CloudFormation generates one when unset).
    pub role_name: Option<String>,
}

#[derive(Default)]
struct RoleState {
    managed_policies: Vec<ManagedPolicy>,
    default_policy: Option<DefaultPolicy>,
}

/// An IAM role. Cheap to clone; clones share the same role.
#[derive(Clone)]
pub struct Role {
    node: ConstructNode,
    resource: CfnResource,
    state: Rc<RefCell<RoleState>>,
}

impl Construct for Role {
    fn node(&self) -> ConstructNode {
        self.node.clone()
    }
}

impl Role {
    /// A role that `assumed_by` may assume.
    pub fn new(
        scope: &dyn Construct,
        id: &str,
        assumed_by: Principal,
        props: RoleProps,
    ) -> Result<Role> {
        let node = scope
            .node()
            .add_child(id, NodeKind::Construct, "aws-cdk-lib.aws_iam.Role")?;
        let state = Rc::new(RefCell::new(RoleState {
            managed_policies: props.managed_policies,
            default_policy: None,
        }));
        let mut properties: Vec<(&'static str, Value)> =
            vec![("AssumeRolePolicyDocument", trust_document(assumed_by))];
        if let Some(d) = props.description {
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
        if let Some(n) = props.role_name {
            properties.push(("RoleName", n.into()));
        }
        let resource = CfnResource::new(&node, "Resource", "AWS::IAM::Role", properties)?;
        Ok(Role {
            node,
            resource,
            state,
        })
    }

    /// The L1 `AWS::IAM::Role`.
    pub fn cfn_resource(&self) -> &CfnResource {
        &self.resource
    }

    /// `{"Fn::GetAtt": [role, "Arn"]}`.
    pub fn role_arn(&self) -> Value {
        self.resource.get_att("Arn")
    }

    /// `{"Ref": role}`: the role name.
    pub fn role_name(&self) -> Value {
        self.resource.ref_value()
    }

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
                let p = DefaultPolicy::new(&self.node, self.role_name())?;
                self.state.borrow_mut().default_policy = Some(p.clone());
                p
            }
        };
        policy.statements.borrow_mut().push(statement);
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

/// The inline `AWS::IAM::Policy` that holds statements added to a role.
#[derive(Clone)]
struct DefaultPolicy {
    statements: Rc<RefCell<Vec<PolicyStatement>>>,
}

impl DefaultPolicy {
    fn new(role: &ConstructNode, role_ref: Value) -> Result<Self> {
        let node = role.add_child(
            "DefaultPolicy",
            NodeKind::Construct,
            "aws-cdk-lib.aws_iam.Policy",
        )?;
        let statements: Rc<RefCell<Vec<PolicyStatement>>> = Rc::default();
        let policy_node = node.id;
        let doc_statements = statements.clone();
        let resource_node = Rc::new(RefCell::new(None));
        let name_node = resource_node.clone();
        let resource = CfnResource::new(
            &node,
            "Resource",
            "AWS::IAM::Policy",
            [
                (
                    "PolicyDocument",
                    Value::Lazy(Lazy::new(move |r| {
                        let minimize = r.feature_flag(policy_node, MINIMIZE_POLICIES);
                        Ok(Some(render_document(&doc_statements.borrow(), minimize)))
                    })),
                ),
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
        Ok(DefaultPolicy { statements })
    }
}
