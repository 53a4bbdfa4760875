#![deny(deprecated)]

use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs16.x",
    handler = "index.handler",
    code = inline("exports.handler = async () => 'ok';"),
)]
pub struct Orders;

fn main() {}
