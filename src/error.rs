//! The one error type. Only `main` (and the batch loop) turn an error into text on stderr and an exit code.
//!
//! iproute2 ends a command in two ways, and the difference shows in batch mode:
//! a handler *returns* a failure (the batch prints `Command failed FILE:N` and goes on under `-force`),
//! or it calls `exit()` at once (usage, invalid arguments): that ends even a `-force` batch.

use std::fmt;

/// A failure answered by the kernel: errno plus the extended-ACK message, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KernelError {
    pub errno: i32,
    pub msg: Option<String>,
}

impl KernelError {
    pub fn new(errno: i32) -> Self {
        KernelError { errno, msg: None }
    }
}

impl std::error::Error for KernelError {}

impl fmt::Display for KernelError {
    /// iproute2's rule: with an extack message, `Error: <msg>` plus a dot unless it ends in one;
    /// without, `RTNETLINK answers: <strerror>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.msg {
            Some(m) if !m.is_empty() => {
                let dot = if m.ends_with('.') { "" } else { "." };
                write!(f, "Error: {m}{dot}")
            }
            _ => write!(f, "RTNETLINK answers: {}", strerror(self.errno)),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Printed, then the whole process exits with `code` (iproute2 calls `exit()`): usage, invalid,
    /// duplicate and missing arguments, incomplete commands. Ends a batch even under `-force`.
    #[error("{msg}")]
    Exit { msg: String, code: u8 },
    /// Printed, and the command fails with `code` (the handler returns): missing devices, parse
    /// errors of addresses, netns errors. A batch reports `Command failed` and may go on.
    #[error("{msg}")]
    Fail { msg: String, code: u8 },
    /// The kernel refused a request: exit code 2.
    #[error("{0}")]
    Kernel(#[from] KernelError),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Usage text or any message after which iproute2 calls `exit(-1)`.
    pub fn usage(msg: impl Into<String>) -> Self {
        Error::Exit {
            msg: msg.into(),
            code: 255,
        }
    }
    pub fn exit(msg: impl Into<String>, code: u8) -> Self {
        Error::Exit {
            msg: msg.into(),
            code,
        }
    }
    /// A handler's `return -1`: exit code 1.
    pub fn fail(msg: impl Into<String>) -> Self {
        Error::Fail {
            msg: msg.into(),
            code: 1,
        }
    }
    /// A handler's `return -1` whose message was already printed (or is empty).
    pub fn silent(code: u8) -> Self {
        Error::Fail {
            msg: String::new(),
            code,
        }
    }
    pub fn code(&self) -> u8 {
        match self {
            Error::Exit { code, .. } | Error::Fail { code, .. } => *code,
            Error::Kernel(_) => 2,
        }
    }
    /// True when iproute2 would have called `exit()`: nothing after this runs, not even in a batch.
    pub fn exits(&self) -> bool {
        matches!(self, Error::Exit { .. })
    }
}

/// `strerror(3)` text for an errno, as glibc words it.
pub fn strerror(errno: i32) -> String {
    // SAFETY: strerror returns a pointer to a static or thread-local NUL-terminated string.
    unsafe {
        let p = libc::strerror(errno);
        if p.is_null() {
            return format!("Unknown error {errno}");
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// The text of an I/O error as C's `strerror(errno)` gives it (no " (os error N)" suffix).
pub fn io_text(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(n) => strerror(n),
        None => e.to_string(),
    }
}

/// The text of a nix errno as `strerror` gives it.
pub fn errno_text(e: nix::errno::Errno) -> String {
    strerror(e as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extack_dot_rule() {
        let e = KernelError {
            errno: 17,
            msg: Some("ipv4: Address already assigned".into()),
        };
        assert_eq!(e.to_string(), "Error: ipv4: Address already assigned.");
        let e = KernelError {
            errno: 22,
            msg: Some("ends with dot.".into()),
        };
        assert_eq!(e.to_string(), "Error: ends with dot.");
        let e = KernelError::new(17);
        assert_eq!(e.to_string(), "RTNETLINK answers: File exists");
    }

    #[test]
    fn codes() {
        assert_eq!(Error::usage("x").code(), 255);
        assert!(Error::usage("x").exits());
        assert_eq!(Error::fail("x").code(), 1);
        assert!(!Error::fail("x").exits());
        assert_eq!(Error::Kernel(KernelError::new(1)).code(), 2);
    }
}
