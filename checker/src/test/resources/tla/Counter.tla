------------------------------- MODULE Counter ------------------------------
(***************************************************************************)
(* A counter that only counts up, bounded by a state constraint: tcpcheck's *)
(* test of stuttering and fairness at a constraint, against TLC. Under the *)
(* constraint x < 2 the search keeps 0 and 1; the step from 1 to 2 leaves  *)
(* it, but it is still enabled at 1 (TLC's ENABLED ignores constraints),   *)
(* so weak fairness forbids stopping there.                                 *)
(***************************************************************************)
EXTENDS Naturals

VARIABLE x

Init == x = 0
Next == x' = x + 1
(* Counting is weakly fair.                                                 *)
FairSpec == Init /\ [][Next]_x /\ WF_x(Next)
(* Nothing forces a step: a behaviour may stop (stutter) anywhere.         *)
UnfairSpec == Init /\ [][Next]_x

Below2 == x < 2
ReachesFive == <>(x = 5)
=============================================================================
