OneDoorSearch.receive("order",[0,1,2]);
