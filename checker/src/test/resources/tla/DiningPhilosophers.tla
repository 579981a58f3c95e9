------------------------- MODULE DiningPhilosophers -------------------------
(* N philosophers; pc[i] = 0 thinking, 1 holding the left fork (fork i),     *)
(* 2 eating (holding forks i and i+1). As tcpcheck's DiningPhilosophers.     *)
EXTENDS Naturals
CONSTANT N
VARIABLE pc
P == 0..(N - 1)

Init == pc = [i \in P |-> 0]

TakeLeft(i)  == /\ pc[i] = 0
                /\ pc[(i + N - 1) % N] # 2
                /\ pc' = [pc EXCEPT ![i] = 1]
TakeRight(i) == /\ pc[i] = 1
                /\ pc[(i + 1) % N] = 0
                /\ pc' = [pc EXCEPT ![i] = 2]
PutDown(i)   == /\ pc[i] = 2
                /\ pc' = [pc EXCEPT ![i] = 0]

Next == \E i \in P : TakeLeft(i) \/ TakeRight(i) \/ PutDown(i)
=============================================================================
