/*
 * refcount(NT, OPS) for SPIN, the same program as refcheck's Families.refcount (model/.../bench/Families.java):
 * NT processes share one object whose count starts at NT; each does OPS times {use; increment; use; decrement}
 * and then {use; decrement}; the decrement that reaches zero frees the object. A use of a freed object, or a
 * second free, violates an assertion. Every step is one atomic statement, as every facade operation is one
 * scheduling point in refcheck: a use (the lifetime tracker's access), an increment (getAndAdd), a decrement
 * that also learns whether it was the last (getAndAddRelease, one step: d_step), and the free.
 *
 *   spin -DNT=3 -DOPS=2 -a refcount.pml && cc -O2 -DSAFETY -DMEMLIM=4096 -o pan pan.c && ./pan -m100000
 *
 * Run by org.refcheck.benchmarks.checker.SpinComparison, which reads pan's "states, stored", memory and time.
 */
#ifndef NT
#define NT 3
#endif
#ifndef OPS
#define OPS 2
#endif

byte count = NT;
bool freed = false;

inline use() {
    assert(!freed)
}

inline drop() {
    d_step { count--; last = (count == 0) }
    if
    :: last -> assert(!freed); freed = true
    :: else -> skip
    fi
}

proctype holder() {
    byte i = 0;
    bit last;
    do
    :: i < OPS ->
        use();
        count++;
        use();
        drop();
        i++
    :: else -> break
    od;
    use();
    drop()
}

init {
    atomic {
        byte n = 0;
        do
        :: n < NT -> run holder(); n++
        :: else -> break
        od
    }
}
