//! rtnetlink: the socket and framing (socket.rs), request building and message walking
//! (msg.rs), the attribute walker (attr.rs), the numbers (consts.rs), and typed decoding and
//! request builders per message family.

pub mod addr;
pub mod attr;
pub mod bridge;
pub mod consts;
pub mod fdb;
pub mod link;
pub mod msg;
pub mod nsid;
pub mod route;
pub mod socket;
