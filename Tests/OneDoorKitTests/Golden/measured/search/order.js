OneDoorSearch.receive("order",...JSON.parse('[[0,1]]'));
