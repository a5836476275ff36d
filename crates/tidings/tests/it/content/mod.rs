//! Content as its readers saw it: jump breaks and "Read more »" from every
//! way a post comes in; WordPress's shortcodes, embeds and blocks.

mod jump_breaks;
mod real_blogger;
mod theme_unit_test;
mod wordpress_site;
