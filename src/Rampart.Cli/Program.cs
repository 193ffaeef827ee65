Console.WriteLine("rampart: placeholder");
