use lambda_cdk::prelude::*;

#[lambda_function(
    runtime = "nodejs22.x",
)]
pub struct Orders;

fn main() {}
