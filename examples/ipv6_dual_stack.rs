//! A function in a dual-stack VPC with `ipv6_allowed_for_dual_stack` and
//! `allow_all_ipv6_outbound`, and a NAT64 route (oracle app `ipv6-dual-stack`).

use lambda_cdk::ec2::{IpProtocol, SubnetConfiguration, SubnetType, Vpc};
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "ipv6-dual-stack")?;
    let vpc = Vpc::builder()
        .ip_protocol(IpProtocol::DualStack)
        .subnet_configuration(vec![
            SubnetConfiguration::new("Ipv6Public1", SubnetType::Public),
            SubnetConfiguration::new("Ipv6Public2", SubnetType::Public),
            SubnetConfiguration::new("Ipv6Private1", SubnetType::PrivateWithEgress),
        ])
        .build(&stack, "DualStackVpc")?;
    let nat_gateway = vpc.nat_gateway_ids()[0].clone();
    vpc.private_subnets()[0].add_ipv6_nat64_route(nat_gateway)?;
    Function::builder()
        .code(Code::from_inline("def main(event, context): pass"))
        .handler("index.main")
        .runtime(Runtime::PYTHON_3_9)
        .vpc(vpc)
        .ipv6_allowed_for_dual_stack(true)
        .allow_all_ipv6_outbound(true)
        .build(&stack, "Lambda_with_IPv6_VPC")?;
    app.synth()?;
    Ok(())
}
