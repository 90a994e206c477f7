OneDoorSearch.receive("docs-0",...JSON.parse('[[["Hosting","Servers for applications.","services/hosting.html"],["Laptops","A laptop for every member of staff.","services/laptops.html"]]]'));
