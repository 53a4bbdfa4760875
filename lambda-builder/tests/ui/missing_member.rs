use lambda_builder::Builder;

#[derive(Builder)]
struct Table {
    partition_key: String,
    sort_key: Option<String>,
}

fn main() {
    let _table = Table::builder().sort_key("sk".to_string()).build();
}
