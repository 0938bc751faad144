//! Parses JSON text into a tree that keeps member order, duplicate keys and positions.
