//! The `brctl` applet (bridge-utils 1.7.1 over rtnetlink).

pub fn main(_argv: Vec<String>) -> i32 {
    eprintln!("brctl: not implemented in this ipbox build yet");
    1
}
