//! Content as its readers saw it: jump breaks and "Read more »" from every
//! way a post comes in.

mod jump_breaks;
