// Package benchcpu reports a benchmark's CPU time per op (user and system,
// all threads, the garbage collector's included) as cpu-ms/op, a figure the
// other work of a shared machine disturbs less than wall time.
package benchcpu
