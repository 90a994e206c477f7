OneDoorSearch.receive("order",[0,1]);
