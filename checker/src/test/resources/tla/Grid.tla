-------------------------------- MODULE Grid --------------------------------
(***************************************************************************)
(* A walk on the grid 0..4 x 0..4 from the corner (0, 0), one step right   *)
(* or up at a time: tcpcheck's test of what TLC's constraints and deadlock *)
(* mean, against its engine (tcpcheck.checker.ConstraintsTest's Grid).     *)
(* The corner (4, 4) has no successor: a deadlock, unless a constraint     *)
(* keeps the search away from it.                                          *)
(***************************************************************************)
EXTENDS Naturals

VARIABLES x, y
vars == <<x, y>>

Init == x = 0 /\ y = 0
Right == x < 4 /\ x' = x + 1 /\ y' = y
Up == y < 4 /\ y' = y + 1 /\ x' = x
Next == Right \/ Up
Spec == Init /\ [][Next]_vars

(* The state constraint: the triangle x + y <= 5. Its diagonal x + y = 5   *)
(* has successors, all outside: no deadlock there.                          *)
InTriangle == x + y <= 5
(* The action constraint: no step right on an odd row.                     *)
NoRightOnOddRows == ~(x' # x /\ y % 2 = 1)

(* An invariant that fails just beyond the constraint, where TLC checks    *)
(* the states it generates but does not count or explore.                   *)
NotBeyondTheDiagonal == x + y # 6

(* An invariant that cannot be evaluated at x = 4 (division by zero).       *)
Divides == 12 \div (4 - x) >= 0
=============================================================================
