fn main() {
    println!("Hello, listing!");
}
