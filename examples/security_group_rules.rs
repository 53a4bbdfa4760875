//! Security group rules (oracle app `security-group-rules`): an inline ingress rule from an IP
//! range on a group without outbound traffic, and a function without outbound traffic allowed to
//! reach that group.

use lambda_cdk::ec2::{Peer, Port, SecurityGroup, Vpc};
use lambda_cdk::prelude::*;

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "security-group-rules")?;
    let vpc = Vpc::builder()
        .nat_gateways(1)
        .max_azs(2)
        .build(&stack, "Vpc")?;
    let db = SecurityGroup::builder()
        .vpc(&vpc)
        .allow_all_outbound(false)
        .description("database")
        .build(&stack, "Db")?;
    db.add_ingress_rule(&Peer::ipv4("10.0.0.0/16"), &Port::tcp(5432))?;
    let function = Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_inline("exports.handler = async () => 1;"))
        .vpc(vpc)
        .allow_all_outbound(false)
        .build(&stack, "Fn")?;
    if let Some(connections) = function.connections() {
        connections.allow_to(&db.connections(), &Port::tcp(5432))?;
    }
    app.synth()?;
    Ok(())
}
