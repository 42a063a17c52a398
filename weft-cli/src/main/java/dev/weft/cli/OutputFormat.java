package dev.weft.cli;

/** How a command prints what it read: aligned columns for people, or JSON for programs. */
enum OutputFormat {
  table,
  json
}
