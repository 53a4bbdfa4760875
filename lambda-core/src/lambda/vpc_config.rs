//! A function's networking props (`vpc`, `vpc_subnets`, `security_groups`,
//! `allow_public_subnet`, `allow_all_outbound`, `filesystem`): checked before anything is
//! built, then the security group, `VpcConfig`, `FileSystemConfigs`, the managed policy and the
//! dependencies aws-cdk-lib adds.

use super::FileSystem;
use crate::core::construct::{Construct, ConstructNode};
use crate::core::element::CfnResource;
use crate::core::logical_id::make_unique_id;
use crate::ec2::{Connections, SecurityGroup, Subnet, SubnetSelection, SubnetType, Vpc};
use crate::iam::{ManagedPolicy, Role};
use crate::{Error, Result, Value};

pub(crate) struct NetworkProps {
    pub(crate) vpc: Option<Vpc>,
    pub(crate) vpc_subnets: Option<SubnetSelection>,
    pub(crate) security_groups: Option<Vec<SecurityGroup>>,
    pub(crate) allow_public_subnet: Option<bool>,
    pub(crate) allow_all_outbound: Option<bool>,
    pub(crate) filesystem: Option<FileSystem>,
    pub(crate) ipv6_allowed_for_dual_stack: Option<bool>,
    pub(crate) allow_all_ipv6_outbound: Option<bool>,
}

impl FileSystem {
    /// `FileSystemConfigs` of the function.
    pub(crate) fn config(&self) -> Value {
        Value::list([Value::object([
            ("Arn", self.arn.clone()),
            ("LocalMountPath", self.local_mount_path.as_str().into()),
        ])])
    }
}

impl NetworkProps {
    /// aws-cdk-lib's checks, in its order; the subnets the function runs in.
    pub(crate) fn check(&self, path: &str) -> Result<Vec<Subnet>> {
        if let Some(fs) = &self.filesystem {
            fs.check(path)?;
        }
        let Some(vpc) = &self.vpc else {
            lambda_spec::validate_without_vpc(lambda_spec::VpcOnlyProps {
                security_groups: self.security_groups.is_some(),
                ipv6_allowed_for_dual_stack: self.ipv6_allowed_for_dual_stack.is_some(),
            })
            .map_err(|e| Error::spec(e, path))?;
            if self.allow_all_ipv6_outbound.is_some() {
                return Err(Error::validation(
                    "AllowAllIpv6OutboundRequiresVpc",
                    "Cannot configure 'allowAllIpv6Outbound' without configuring a VPC",
                    path,
                ));
            }
            if self.allow_all_outbound.is_some() {
                return Err(Error::validation(
                    "CannotConfigureAllowAllOutboundWithoutVpc",
                    "Cannot configure 'allowAllOutbound' without configuring a VPC",
                    path,
                ));
            }
            if self.vpc_subnets.is_some() {
                return Err(Error::validation(
                    "CannotConfigureVpcSubnetsWithoutVpc",
                    "Cannot configure 'vpcSubnets' without configuring a VPC",
                    path,
                ));
            }
            if self.filesystem.is_some() {
                return Err(Error::validation(
                    "FilesystemRequiresVpc",
                    "Cannot configure 'filesystem' without configuring a VPC.",
                    path,
                ));
            }
            return Ok(Vec::new());
        };
        if self.security_groups.is_some() && self.allow_all_outbound.is_some() {
            return Err(Error::validation(
                "ConfigureAllowAllOutboundOnSecurityGroup",
                "Configure 'allowAllOutbound' directly on the supplied SecurityGroup.",
                path,
            ));
        }
        let subnets = vpc.select_subnets(&self.vpc_subnets.clone().unwrap_or_default())?;
        let public = subnets
            .iter()
            .any(|s| s.subnet_type() == SubnetType::Public);
        lambda_spec::validate_public_subnet(public, self.allow_public_subnet == Some(true))
            .map_err(|e| Error::spec(e, path))?;
        Ok(subnets)
    }

    /// The security group (a new one unless given), `VpcConfig` and the managed policy.
    pub(crate) fn configure(
        &self,
        node: &ConstructNode,
        role: &Role,
        subnets: &[Subnet],
        properties: &mut Vec<(&'static str, Value)>,
    ) -> Result<Option<Connections>> {
        let Some(vpc) = &self.vpc else {
            return Ok(None);
        };
        role.add_managed_policy(&ManagedPolicy::from_aws_managed_policy_name(
            "service-role/AWSLambdaVPCAccessExecutionRole",
        ));
        let groups = match &self.security_groups {
            Some(groups) => groups.clone(),
            None => {
                let path = node.path();
                let parts: Vec<&str> = path.split('/').collect();
                let unique = make_unique_id(&parts).map_err(Error::Synth)?;
                vec![SecurityGroup::create(
                    node,
                    "SecurityGroup",
                    vpc,
                    Some(format!(
                        "Automatic security group for Lambda Function {unique}"
                    )),
                    (
                        self.allow_all_outbound.unwrap_or(true),
                        self.allow_all_ipv6_outbound.unwrap_or(false),
                    ),
                    None,
                )?]
            }
        };
        let mut config: Vec<(&str, Value)> = Vec::new();
        if let Some(on) = self.ipv6_allowed_for_dual_stack {
            config.push(("Ipv6AllowedForDualStack", on.into()));
        }
        config.push((
            "SecurityGroupIds",
            Value::list(groups.iter().map(SecurityGroup::security_group_id)),
        ));
        config.push((
            "SubnetIds",
            Value::list(subnets.iter().map(Subnet::subnet_id)),
        ));
        properties.push((
            super::version_props::prop::VPC_CONFIG,
            Value::object(config),
        ));
        Ok(Some(Connections::new(groups, None)))
    }

    /// The file system's connection, IAM statements and mount targets, and the wait for the
    /// subnets' internet connectivity.
    pub(crate) fn depend(
        &self,
        node: &ConstructNode,
        resource: &CfnResource,
        role: &Role,
        subnets: &[Subnet],
        connections: Option<&Connections>,
    ) -> Result<()> {
        for subnet in subnets {
            for dep in subnet.internet_connectivity_established() {
                node.add_dependency(&dep);
            }
        }
        let Some(fs) = &self.filesystem else {
            return Ok(());
        };
        if let Some(own) = connections {
            fs.connections.allow_default_port_from(own)?;
            // The function waits for the rules between its groups and the file system's.
            for group in &fs.connections.security_groups {
                for child in group.node().children() {
                    let is_ingress = child
                        .app()
                        .tree()
                        .element(child.id)
                        .is_some_and(|e| e.type_name == "AWS::EC2::SecurityGroupIngress");
                    if is_ingress {
                        resource.node().add_dependency(&child);
                    }
                }
            }
        }
        for statement in &fs.policies {
            role.add_to_principal_policy(statement.clone())?;
        }
        for target in &fs.dependencies {
            node.add_dependency(target);
        }
        Ok(())
    }
}
