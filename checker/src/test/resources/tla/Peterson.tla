---------------------------- MODULE Peterson ----------------------------
(* Peterson's mutual exclusion for two processes, as in tcpcheck's test model *)
(* tcpcheck.checker.models.Peterson: the engine and TLC must agree on its     *)
(* number of distinct reachable states.                                       *)
EXTENDS Naturals

VARIABLES pc, flag, turn
vars == <<pc, flag, turn>>
Procs == {0, 1}

Init == /\ pc = [i \in Procs |-> 0]
        /\ flag = [i \in Procs |-> FALSE]
        /\ turn = 0

Step(i) ==
  LET j == 1 - i IN
  \/ /\ pc[i] = 0
     /\ pc' = [pc EXCEPT ![i] = 1]
     /\ flag' = [flag EXCEPT ![i] = TRUE]
     /\ UNCHANGED turn
  \/ /\ pc[i] = 1
     /\ pc' = [pc EXCEPT ![i] = 2]
     /\ turn' = j
     /\ UNCHANGED flag
  \/ /\ pc[i] = 2
     /\ (~flag[j] \/ turn = i)
     /\ pc' = [pc EXCEPT ![i] = 3]
     /\ UNCHANGED <<flag, turn>>
  \/ /\ pc[i] = 3
     /\ pc' = [pc EXCEPT ![i] = 0]
     /\ flag' = [flag EXCEPT ![i] = FALSE]
     /\ UNCHANGED turn

Next == \E i \in Procs : Step(i)

MutualExclusion == ~(pc[0] = 3 /\ pc[1] = 3)
=============================================================================
